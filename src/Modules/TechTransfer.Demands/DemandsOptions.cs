using System.ComponentModel.DataAnnotations;

namespace TechTransfer.Demands;

/// <summary>Configuration of the demands module, section <c>Demands</c> ([CFG]).</summary>
public sealed class DemandsOptions
{
    public const string Section = "Demands";

    /// <summary>
    /// When set, only technology managers of this organisation review demands (with platform admins); when empty, every
    /// technology manager on the platform may (rule DM.9).
    /// </summary>
    public Guid? ReviewerOrganizationId { get; set; }

    /// <summary>How often the expiry job stores the Expired status of published demands past their deadline (DM.10).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ExpiryCheckInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Whether the expiry job runs in this process (tests switch it off and call it directly).</summary>
    public bool RunExpiryJob { get; set; } = true;
}
