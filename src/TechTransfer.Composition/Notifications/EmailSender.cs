using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Platform.Jobs;
using TechTransfer.SharedKernel;

namespace TechTransfer.Composition;

/// <summary>
/// The background e-mail sender: reads the e-mail outbox (<see cref="EmailOutboxEntry"/>) outside any request. A run
/// (1) fans every new notification out into one message per recipient who chose e-mail for its kind and has an address
/// (subject and body in the recipient's language), in one transaction with the fan-out row's completion; (2) sends the
/// due messages through SMTP with MailKit, saving each outcome as it goes — at least once: a crash between sending and
/// saving sends the message again; a failure is retried with back-off. Without <c>Smtp:Host</c> nothing is sent and
/// fan-out rows are dropped.
/// </summary>
public sealed partial class EmailSender(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EmailSender> logger,
    IOptions<SmtpOptions> options, IHostEnvironment environment) : ScheduledJob(scopes, clock, logger)
{
    private const int Batch = 100;
    private readonly TimeProvider _time = clock;

    protected override bool Enabled => options.Value.IsConfigured && !environment.IsEnvironment("Testing");
    protected override TimeSpan Interval => options.Value.Interval;
    protected override TimeSpan InitialDelay => TimeSpan.FromSeconds(5);

    /// <summary>One run (tests call it after a change, against the loopback SMTP server).</summary>
    public Task RunOnceAsync(CancellationToken ct) => RunInScopeAsync(ct);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<TechTransferDbContext>();
        await FanOutAsync(db, ct);
        if (options.Value.IsConfigured) await SendAsync(db, ct);
    }

    private async Task FanOutAsync(TechTransferDbContext db, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var rows = await db.EmailOutbox.Where(e => e.RecipientUserId == null && e.SentAt == null && e.FailedAt == null)
            .OrderBy(e => e.Id).Take(Batch).ToListAsync(ct);
        if (rows.Count == 0) return;
        if (!options.Value.IsConfigured)
        {
            db.EmailOutbox.RemoveRange(rows);
            await db.SaveChangesAsync(ct);
            return;
        }
        var ids = rows.Select(r => r.NotificationId).ToList();
        var notes = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        foreach (var row in rows)
        {
            if (notes.TryGetValue(row.NotificationId, out var n))
                foreach (var r in await RecipientsAsync(db, n, ct))
                {
                    var english = r.Language == "en";
                    var title = english ? n.TitleEn : n.TitleZh;
                    db.EmailOutbox.Add(EmailOutboxEntry.Message(n.Id, r.Id, r.Email, Subject(title, english), Body(n, english), now));
                }
            row.Sent(now);
        }
        await db.SaveChangesAsync(ct);
    }

    private sealed record Recipient(Guid Id, string Email, string? Language);

    /// <summary>The users a notification reaches who chose e-mail for its kind and have an address (locked accounts get none).</summary>
    private async Task<List<Recipient>> RecipientsAsync(TechTransferDbContext db, Notification n, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var users = db.Users.AsNoTracking().Where(u => u.Email != null && u.Email != "" && (u.LockoutEnd == null || u.LockoutEnd < now));
        if (n.RecipientUserId is { } uid) users = users.Where(u => u.Id == uid);
        else
        {
            if (n.RecipientOrganizationId is { } org) users = users.Where(u => u.OrganizationId == org);
            if (n.RecipientRole is { } role)
            {
                var roleId = await db.Roles.Where(r => r.Name == role).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);
                users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
            }
            else if (n.RecipientOrganizationId is null) return [];
        }
        var kind = n.Kind;
        return await users.Where(u => db.NotificationPreferences.Any(p => p.UserId == u.Id && p.Kind == kind && p.Email))
            .Select(u => new Recipient(u.Id, u.Email!, u.PreferredLanguage)).ToListAsync(ct);
    }

    private static string Subject(string title, bool english) =>
        (english ? "[TechTransfer] " : "【上海技术转移平台】") + (title.Length > 300 ? title[..300] : title);

    private string Body(Notification n, bool english)
    {
        var baseUrl = options.Value.BaseUrl?.TrimEnd('/');
        var title = english ? n.TitleEn : n.TitleZh;
        var link = n.Link is null ? null : (baseUrl ?? "") + n.Link;
        var prefs = (baseUrl ?? "") + "/notifications/preferences";
        return english
            ? $"{title}\n\n{(link is null ? "" : "Open: " + link + "\n\n")}You receive this e-mail because you chose e-mail for this kind of notification. Change your choice at {prefs}\n"
            : $"{title}\n\n{(link is null ? "" : "查看：" + link + "\n\n")}您收到此邮件，是因为您选择了以邮件接收此类通知。修改设置：{prefs}\n";
    }

    private async Task SendAsync(TechTransferDbContext db, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var due = await db.EmailOutbox.Where(e => e.RecipientUserId != null && e.SentAt == null && e.FailedAt == null && e.NextAttemptAt <= now)
            .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id).Take(Batch).ToListAsync(ct);
        if (due.Count == 0) return;
        var o = options.Value;
        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(o.Host!, o.Port, o.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            }, ct);
            if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // the server cannot be reached: every due message waits for its next attempt
            foreach (var m in due) m.Failed(ex.Message, _time.GetUtcNow(), o.MaxAttempts);
            await db.SaveChangesAsync(ct);
            LogUnreachable(logger, o.Host!, ex);
            return;
        }
        foreach (var m in due)
        {
            try
            {
                var message = new MimeMessage();
                message.From.Add(new MailboxAddress(o.FromName, o.From!));
                message.To.Add(MailboxAddress.Parse(m.ToAddress!));
                message.Subject = m.Subject ?? "";
                message.Body = new TextPart("plain") { Text = m.Body ?? "" };
                await client.SendAsync(message, ct);
                m.Sent(_time.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                m.Failed(ex.Message, _time.GetUtcNow(), o.MaxAttempts);
            }
            await db.SaveChangesAsync(ct);
        }
        await client.DisconnectAsync(true, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail: the SMTP server {Host} could not be reached; messages wait for their next attempt")]
    private static partial void LogUnreachable(ILogger logger, string host, Exception ex);
}
