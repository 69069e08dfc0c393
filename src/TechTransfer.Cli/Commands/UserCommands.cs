using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace TechTransfer.Cli.Commands;

internal static class UserCommands
{
    public static Command Create()
    {
        var user = new Command("user", "用户 · users");
        var add = new Command("add", "创建用户（生产模式下的首个管理员也用此命令）· create a user (also the first admin in production)");
        var userName = new Option<string>("--user-name") { Description = "登录名 · sign-in name", Required = true };
        var displayName = new Option<string>("--display-name") { Description = "姓名 · display name", Required = true };
        var roles = new Option<string[]>("--role") { Description = "角色，可重复 · role, repeatable (PlatformAdmin, InstitutionAdmin, …)", Required = true, AllowMultipleArgumentsPerToken = true };
        var org = new Option<Guid?>("--organization-id") { Description = "所属机构 · organisation id" };
        var password = new Option<string?>("--password") { Description = "密码；省略则读取环境变量 TT_PASSWORD 或交互输入 · password; else TT_PASSWORD or a prompt" };
        add.Options.Add(userName); add.Options.Add(displayName); add.Options.Add(roles); add.Options.Add(org); add.Options.Add(password);
        add.SetAction((parse, ct) => CliHost.RunAsync(async (sp, token) =>
        {
            var init = sp.GetRequiredService<DatabaseInitializer>();
            await init.MigrateAsync(token);
            await init.EnsureRolesAsync();
            var pw = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("TT_PASSWORD")
                     ?? AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
            var result = await sp.GetRequiredService<UserAdministration>().CreateAsync(
                parse.GetValue(userName)!, parse.GetValue(displayName)!, pw, parse.GetValue(roles)!, parse.GetValue(org), token);
            if (result.IsFailure) return CliHost.Fail(result.Error!);
            AnsiConsole.MarkupLineInterpolated($"[green]已创建用户 · created user[/] {result.Value.UserName} ({result.Value.Id})");
            return 0;
        }, ct));
        user.Subcommands.Add(add);
        return user;
    }
}
