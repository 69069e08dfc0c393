using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using TechTransfer.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddTechTransfer();

var app = builder.Build();
await app.InitializeTechTransferAsync();
app.UseTechTransfer();
app.Run();

public partial class Program;
