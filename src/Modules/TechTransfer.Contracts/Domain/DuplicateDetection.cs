using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TechTransfer.Contracts.Domain;

/// <summary>R2.8: one registration per contract. The fingerprint hashes parties + signing date + amount + subject.</summary>
public static class DuplicateDetection
{
    public static string Fingerprint(TechnologyContract c)
    {
        var parties = c.Parties
            .Select(p => $"{(int)p.Role}:{(p.CreditCode ?? Normalize(p.Name))}")
            .OrderBy(s => s, StringComparer.Ordinal);
        var text = string.Join("|", parties) + "#" + c.SignedDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                   + "#" + c.TotalAmount.ToString("0.00", CultureInfo.InvariantCulture) + "#" + Normalize(c.ProjectName);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>Subject normalisation: no whitespace or punctuation, case-folded, full-width brackets as half-width.</summary>
    public static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s.Normalize(NormalizationForm.FormKC))
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        return sb.ToString();
    }

    /// <summary>Statuses whose records count as an existing registration attempt for duplicate checks.</summary>
    public static bool CountsForDuplicates(RegistrationStatus s) =>
        s is not (RegistrationStatus.Draft or RegistrationStatus.Rejected or RegistrationStatus.Cancelled or RegistrationStatus.Revoked);

    /// <summary>Other contracts with the same fingerprint that are in the register or on their way to it.</summary>
    public static IReadOnlyList<Guid> FindDuplicates(TechnologyContract contract, IEnumerable<TechnologyContract> others) =>
        others.Where(o => o.Id != contract.Id && CountsForDuplicates(o.Status) && o.Fingerprint == contract.Fingerprint)
              .Select(o => o.Id).ToList();
}
