using TechTransfer.Contracts.Domain;

namespace TechTransfer.Contracts;

/// <summary>Configuration section "Contracts": every [CFG] value of spec §2 (R0.2) with defaults.</summary>
public sealed class ContractsOptions
{
    public const string Section = "Contracts";

    /// <summary>合同登记编号 layout (spec §2.1, §12): 16 digits; default YYYY + office division + 6-digit serial [INF].</summary>
    public string RegistrationNumberLayout { get; set; } = Domain.RegistrationNumberLayout.DefaultPattern;
    /// <summary>The registry office's 6-digit division code (GB/T 2260).</summary>
    public string OfficeDivisionCode { get; set; } = "310000";
    public Guid RegistryOfficeId { get; set; } = Guid.Parse("0c0c0c0c-0000-4000-8000-310000000001");
    public string OfficeNameZh { get; set; } = "上海市技术合同认定登记机构";
    public string OfficeNameEn { get; set; } = "Shanghai Technology Contract Registry";
    /// <summary>
    /// The registry office's jurisdiction, which chooses its own rule sets over the national ones (R0.2). Empty = from the
    /// office's division code: a Shanghai code (31xxxx) is <see cref="Domain.Jurisdiction.Shanghai"/>, any other national.
    /// </summary>
    public Jurisdiction? Jurisdiction { get; set; }
    /// <summary>Replaces the default rule sets when not empty [CFG]; checked at start (<see cref="ContractRuleSetCatalog.Check"/>).</summary>
    public List<ContractRuleSet> RuleSets { get; set; } = [];
    /// <summary>The CIT relief calculator's values (R2.13) [CFG].</summary>
    public CitReliefOptions Tax { get; set; } = new();
    /// <summary>Attachment file storage [CFG].</summary>
    public ContractAttachmentOptions Attachments { get; set; } = new();

    /// <summary>The jurisdiction whose rule sets apply to contracts registered at this office.</summary>
    public Jurisdiction RegistryJurisdiction => Jurisdiction
        ?? (OfficeDivisionCode is { Length: 6 } code && code.StartsWith(DivisionCodes.ShanghaiProvince, StringComparison.Ordinal)
            ? Domain.Jurisdiction.Shanghai : Domain.Jurisdiction.National);

    /// <summary>The rule-set catalogue of this registry: the configured sets (or the defaults) for its jurisdiction.</summary>
    public ContractRuleSetCatalog Catalog() =>
        new(RuleSets.Count > 0 ? RuleSets : ContractRuleSetCatalog.DefaultSets(), RegistryJurisdiction);
}

/// <summary>Configuration "Contracts:Tax": R2.13 CIT relief on technology transfer income [CFG].</summary>
public sealed class CitReliefOptions
{
    /// <summary>Income per tax year that is exempt (实施条例 Art.90: 5,000,000 yuan); the excess is taxed at half the rate.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(decimal), "0", "1000000000000")]
    public decimal ExemptionThreshold { get; set; } = 5_000_000m;
    /// <summary>The standard CIT rate, for the estimate only.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(decimal), "0", "1")]
    public decimal StandardRate { get; set; } = 0.25m;
    /// <summary>A licence counts as a transfer of technology when its term is at least this many years (总局公告2015年第82号: 5).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 50)]
    public int MinimumLicenceYears { get; set; } = 5;
}

/// <summary>Checks the contract configuration at start: the rule sets (R0.2), the registry office and the tax values.</summary>
public sealed class ContractsOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<ContractsOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, ContractsOptions options)
    {
        var problems = new List<string>();
        if (options.RuleSets.Count > 0) problems.AddRange(ContractRuleSetCatalog.Check(options.RuleSets).Select(p => "Contracts:RuleSets: " + p));
        if (!DivisionCodes.IsValid(options.OfficeDivisionCode)) problems.Add("Contracts:OfficeDivisionCode must be a 6-digit division code.");
        if (options.Jurisdiction is { } j && !Enum.IsDefined(j)) problems.Add("Contracts:Jurisdiction is not a known jurisdiction.");
        var tax = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options.Tax, new(options.Tax), tax, validateAllProperties: true))
            problems.AddRange(tax.Select(t => "Contracts:Tax: " + t.ErrorMessage));
        return problems.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>Configuration "Contracts:Attachments": where files are stored, how large and of which types they may be.</summary>
public sealed class ContractAttachmentOptions
{
    /// <summary>Storage root; empty = "{Storage:DataDirectory}/attachments". Files go to {root}/contracts/{contractId}/{attachmentId}.bin.</summary>
    public string? StorageRoot { get; set; }
    /// <summary>Largest file accepted, in bytes (default 20 MB; the platform refuses any request over 25 MB).</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
    /// <summary>
    /// Accepted content types, recognised by their content (magic bytes), not by the name or the declared type. Empty = every
    /// type the sniffer knows (PDF, PNG, JPEG, GIF, TIFF, Word/Excel/PowerPoint .docx/.xlsx/.pptx and legacy .doc/.xls/.ppt).
    /// </summary>
    public List<string> AllowedTypes { get; set; } = [];

    public IReadOnlyCollection<string> EffectiveAllowedTypes => AllowedTypes.Count > 0 ? AllowedTypes : Features.Attachments.ContentSniffer.KnownTypes;
}
