using Microsoft.Extensions.DependencyInjection;
using TechTransfer.Data.Evidence;

namespace TechTransfer.Exchange.Features.Evidence;

/// <summary>The evidence part of the Exchange module (确权 · 鉴证: hash chains, verification, attestation certificate).</summary>
internal static class EvidenceComposition
{
    public static void AddEvidence(IServiceCollection services)
    {
        services.AddSingleton<IEvidenceLog, EvidenceLog>();
        services.AddScoped<EvidenceVerifier>();
        services.AddScoped<EvidenceService>();
    }
}
