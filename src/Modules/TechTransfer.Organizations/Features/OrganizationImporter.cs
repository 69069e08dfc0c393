using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using TechTransfer.Data;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Organizations;

namespace TechTransfer.Organizations.Features;

/// <summary>One row's outcome in an import report (row numbers count the header as row 1, as a spreadsheet shows them).</summary>
public sealed record ImportRowResult(int Row, string? NameZh, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

public sealed record ImportReport(int Rows, int Imported, bool Applied, IReadOnlyList<ImportRowResult> Invalid);

/// <summary>
/// Imports organisations from .xlsx or .csv (Chinese or English headers). A file with any bad row imports nothing,
/// unless <c>skipInvalid</c> is set; the valid rows are then written in one transaction.
/// </summary>
public sealed class OrganizationImporter(TechTransferDbContext db, TimeProvider clock)
{
    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["中文名称"] = "NameZh", ["名称"] = "NameZh", ["NameZh"] = "NameZh",
        ["英文名称"] = "NameEn", ["NameEn"] = "NameEn",
        ["统一社会信用代码"] = "CreditCode", ["CreditCode"] = "CreditCode",
        ["机构类型"] = "Kind", ["Kind"] = "Kind",
        ["单位性质"] = "EntityNature", ["EntityNature"] = "EntityNature", ["EntityNatureCode"] = "EntityNature",
        ["国家"] = "Country", ["Country"] = "Country", ["CountryCode"] = "Country",
        ["行政区划"] = "Division", ["Division"] = "Division", ["DivisionCode"] = "Division",
        ["地址"] = "Address", ["Address"] = "Address",
        ["网址"] = "Website", ["Website"] = "Website",
        ["适用法规"] = "Jurisdiction", ["Jurisdiction"] = "Jurisdiction",
    };

    public async Task<Result<ImportReport>> ImportAsync(string fileName, Stream content, bool skipInvalid, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        List<Dictionary<string, string?>> rows;
        try
        {
            rows = Path.GetExtension(fileName).ToLowerInvariant() switch
            {
                ".csv" => ReadCsv(content),
                ".xlsx" => ReadXlsx(content),
                _ => throw new NotSupportedException(),
            };
        }
        catch (NotSupportedException)
        {
            return OrganizationErrors.ImportUnsupportedFile;
        }
        catch (Exception e) when (e is CsvHelperException or InvalidDataException or IOException or InvalidOperationException)
        {
            return OrganizationErrors.ImportUnreadableFile;
        }

        var existing = (await db.Set<Organization>().Where(o => o.CreditCode != null).Select(o => o.CreditCode!).ToListAsync(ct)).ToHashSet();
        var seen = new HashSet<string>();
        var results = new List<(ImportRowResult Result, OrganizationRequest Request)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (request, parseErrors) = ToRequest(rows[i]);
            var errors = parseErrors.Concat(OrganizationValidation.Check(request).All).ToList();
            var code = UnifiedSocialCreditCode.Normalize(request.CreditCode);
            if (code.Length > 0 && errors.All(e => e.Field != "creditCode"))
            {
                if (existing.Contains(code)) errors.Add(OrganizationErrors.DuplicateCreditCode(code).AsFieldError());
                else if (!seen.Add(code)) errors.Add(OrganizationErrors.ImportDuplicateInFile(code));
            }
            results.Add((new ImportRowResult(i + 2, request.NameZh, errors), request));
            progress?.Report((i + 1, rows.Count));
        }

        var invalid = results.Where(r => !r.Result.IsValid).Select(r => r.Result).ToList();
        if (invalid.Count > 0 && !skipInvalid)
            return new ImportReport(rows.Count, 0, false, invalid);

        var now = clock.GetUtcNow();
        var valid = results.Where(r => r.Result.IsValid).ToList();
        foreach (var (_, request) in valid)
            db.Add(Organization.Register(request.ToDetails(), now, request.Jurisdiction));
        await db.SaveChangesAsync(ct);
        return new ImportReport(rows.Count, valid.Count, true, invalid);
    }

    private static (OrganizationRequest, List<FieldError>) ToRequest(Dictionary<string, string?> row)
    {
        string? Get(string k) => row.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var errors = new List<FieldError>();
        OrganizationKind? kind = null;
        var kindText = Get("Kind");
        if (kindText is not null)
        {
            kind = Enum.TryParse<OrganizationKind>(kindText, true, out var k) && Enum.IsDefined(k) ? k
                : Enum.GetValues<OrganizationKind>().Cast<OrganizationKind?>().FirstOrDefault(x => OrganizationKindText.Label(x!.Value).Zh == kindText);
            if (kind is null)
                errors.Add(OrganizationErrors.ImportUnknownKind(kindText));
        }
        Jurisdiction? jurisdiction = Get("Jurisdiction") switch
        {
            null => null,
            "上海" or "上海市" => Jurisdiction.Shanghai,
            "全国" => Jurisdiction.National,
            var t when Enum.TryParse<Jurisdiction>(t, true, out var j) && Enum.IsDefined(j) => j,
            var t => Unknown(t),
        };
        Jurisdiction? Unknown(string text)
        {
            errors.Add(OrganizationErrors.ImportUnknownJurisdiction(text));
            return null;
        }
        var request = new OrganizationRequest
        {
            Jurisdiction = jurisdiction,
            NameZh = Get("NameZh") ?? "",
            NameEn = Get("NameEn"),
            CreditCode = Get("CreditCode"),
            Kind = kind ?? (kindText is null ? null : OrganizationKind.Enterprise),
            EntityNatureCode = Get("EntityNature"),
            CountryCode = Get("Country") ?? "CHN",
            DivisionCode = Get("Division"),
            Address = Get("Address"),
            Website = Get("Website"),
        };
        return (request, errors);
    }

    private static List<Dictionary<string, string?>> ReadCsv(Stream content)
    {
        using var reader = new StreamReader(content, leaveOpen: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null });
        var rows = new List<Dictionary<string, string?>>();
        if (!csv.Read() || !csv.ReadHeader()) return rows;
        var header = csv.HeaderRecord ?? [];
        while (csv.Read())
        {
            var row = new Dictionary<string, string?>();
            for (var i = 0; i < header.Length; i++)
                if (Headers.TryGetValue(header[i].Trim(), out var key)) row[key] = csv.GetField(i);
            rows.Add(row);
        }
        return rows;
    }

    private static List<Dictionary<string, string?>> ReadXlsx(Stream content)
    {
        var rows = new List<Dictionary<string, string?>>();
        foreach (IDictionary<string, object?> r in content.Query(useHeaderRow: true))
        {
            var row = new Dictionary<string, string?>();
            foreach (var (k, v) in r)
                if (Headers.TryGetValue(k.Trim(), out var key)) row[key] = Convert.ToString(v, CultureInfo.InvariantCulture);
            if (row.Values.Any(v => !string.IsNullOrWhiteSpace(v))) rows.Add(row);
        }
        return rows;
    }
}
