using System.CommandLine;
using TechTransfer.Cli.Commands;

// tt — the TechTransfer admin tool. Same composition, configuration and audit trail as the web host.
var root = new RootCommand("TechTransfer 管理工具 · the TechTransfer admin tool");
root.Subcommands.Add(DbCommands.Create());
root.Subcommands.Add(SeedCommands.Create());
root.Subcommands.Add(UserCommands.Create());
root.Subcommands.Add(OrgCommands.Create());
root.Subcommands.Add(PatentCommands.Create());
root.Subcommands.Add(SearchCommands.Create());
root.Subcommands.Add(EvidenceCommands.Create());
return await root.Parse(args).InvokeAsync();
