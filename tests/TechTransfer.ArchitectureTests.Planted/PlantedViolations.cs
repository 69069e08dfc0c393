using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.SharedKernel;

// Every type here breaks exactly one convention of docs/architecture.md on purpose (see ConventionRuleTests).

namespace TechTransfer.Planted.Domain
{
    /// <summary>Domain code that reaches for a framework (EF Core) and for a module's internals.</summary>
    public sealed class PlantedFrameworkEntity
    {
        public DbSet<PlantedFrameworkEntity>? Leak { get; set; }
        public Type Other => typeof(TechTransfer.Achievements.Domain.AchievementErrors);
    }
}

namespace TechTransfer.Planted.Features
{
    /// <summary>Reads the wall clock instead of the injected TimeProvider.</summary>
    public static class PlantedWallClock
    {
        public static DateTimeOffset Now() => DateTimeOffset.UtcNow;
    }

    /// <summary>Turns an instant into a UTC date instead of a business date.</summary>
    public static class PlantedUtcDate
    {
        public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Catches a concurrency clash itself instead of db.SaveOrConflictAsync.</summary>
    public static class PlantedConcurrencyCatch
    {
        public static async Task<bool> SaveAsync(DbContext db)
        {
            try
            {
                await db.SaveChangesAsync();
                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                return false;
            }
        }
    }

    /// <summary>Sniffs the provider by name instead of db.Provider.</summary>
    public static class PlantedProviderSniffing
    {
        public static bool IsSqlite(DbContext db) => db.Database.ProviderName?.Contains("Sqlite") == true;
    }

    /// <summary>Defines an error inline instead of in an *Errors catalogue.</summary>
    public static class PlantedInlineError
    {
        public static Error Refuse() => new("planted.inline", "内联定义的错误", "An error defined inline.");
    }

    /// <summary>A module's own caller type instead of ICurrentUser / Caller.</summary>
    public sealed record PlantedActor(Guid UserId, Guid OrganizationId);
}

namespace TechTransfer.Planted
{
    /// <summary>An error catalogue that breaks the message rules.</summary>
    public static class PlantedErrors
    {
        public static readonly Error RuleInMessage = new("planted.rule_in_message", "违反 R3.16 的规定", "Breaks rule R3.16.");
        public static readonly Error NoEnglish = new("planted.no_english", "缺少英文", "");
        public static readonly Error ChineseInEnglish = new("planted.chinese_in_english", "中文", "English with 中文 inside.");
        public static readonly Error BadCode = new("Planted Bad Code", "代码格式错误", "The code is not snake case.");
        public static Error SectionInMessage(int n) => new("planted.section", $"违反 §2.1 第 {n} 项", $"Breaks §2.1 item {n}.", Status: 422);
        public static FieldError FieldWithoutChinese => new("name", "planted.field_without_chinese", "Name is required.", "Name is required.");
    }

    /// <summary>A look-alike of the host's IdentityErrors: the PascalCase-code allowance names the host's catalogue only.</summary>
    public static class IdentityErrors
    {
        public static readonly FieldError PascalCode = new("password", "identity.PasswordTooShort", "密码太短", "The password is too short.");
    }

    /// <summary>A look-alike of the host's WebErrors.ServerError: the 500 allowance names the host's member only.</summary>
    public static class WebErrors
    {
        public static readonly Error ServerError = new("server.error", "服务器内部错误", "An internal error occurred.", Status: 500);
    }
}
