namespace TechTransfer.Organizations.Domain;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z); character 18 is a
/// check character computed modulo 31 over the first 17 with weights 3^i mod 31.
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public enum Problem { None, Empty, WrongLength, InvalidCharacter, WrongCheckCharacter }

    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public static Problem Check(string? code)
    {
        var c = Normalize(code);
        if (c.Length == 0) return Problem.Empty;
        if (c.Length != 18) return Problem.WrongLength;
        if (c.Any(ch => Alphabet.IndexOf(ch) < 0)) return Problem.InvalidCharacter;
        return CheckCharacter(c[..17]) == c[17] ? Problem.None : Problem.WrongCheckCharacter;
    }

    public static bool IsValid(string? code) => Check(code) == Problem.None;

    /// <summary>The check character for the first 17 characters.</summary>
    public static char CheckCharacter(string first17)
    {
        if (first17.Length != 17) throw new ArgumentException("Seventeen characters are needed.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(char.ToUpperInvariant(first17[i]));
            if (v < 0) throw new ArgumentException($"'{first17[i]}' is not in the GB 32100 alphabet.", nameof(first17));
            sum += v * Weights[i];
        }
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Builds a valid code from its parts (for demo data and tests): authority + type, division (6), body (9).</summary>
    public static string Compose(char authority, char type, string divisionCode, string organizationCode9)
    {
        var first17 = $"{authority}{type}{divisionCode}{organizationCode9}".ToUpperInvariant();
        return first17 + CheckCharacter(first17);
    }
}
