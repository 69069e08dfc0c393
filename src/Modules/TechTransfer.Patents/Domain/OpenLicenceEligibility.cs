using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Domain;

/// <summary>Why a patent cannot be declared for open licensing (blocking), or what its declaration must carry (condition).</summary>
public enum OpenLicenceObstacle
{
    /// <summary>审中: the grant has not been announced (R3.1).</summary>
    NotGranted,
    /// <summary>未缴年费终止 / 放弃: the patent terminated (R3.1).</summary>
    Terminated,
    /// <summary>期限届满 (R3.1).</summary>
    Expired,
    /// <summary>无效宣告 (R3.1).</summary>
    Invalidated,
    /// <summary>An exclusive or sole licence is in force (R3.3).</summary>
    ExclusiveLicence,
    /// <summary>中止程序 (R3.4).</summary>
    Suspended,
    /// <summary>Annual fees not paid up to today (R3.5).</summary>
    AnnualFeeUnpaid,
    /// <summary>The patent already has a declaration that is not withdrawn or lapsed.</summary>
    AlreadyDeclared,
    /// <summary>Condition: pledged, so the declaration needs the pledgee's written consent (R3.6).</summary>
    PledgeeConsentNeeded,
    /// <summary>Condition: a utility model or design needs a patent evaluation report (R3.2).</summary>
    EvaluationReportNeeded,
}

/// <summary>
/// Whether a patent may be declared for open licensing today (spec §3.2, R3.1–R3.6): the one rule the patent picker and
/// the declaration's submission checks share. <see cref="Blocking"/> obstacles make the patent ineligible; the others are
/// conditions the declaration must meet (a pledgee's consent, an evaluation report).
/// </summary>
public sealed record OpenLicenceEligibility(IReadOnlyList<OpenLicenceObstacle> Obstacles)
{
    public static bool IsBlocking(OpenLicenceObstacle o) =>
        o is not (OpenLicenceObstacle.PledgeeConsentNeeded or OpenLicenceObstacle.EvaluationReportNeeded);

    public IEnumerable<OpenLicenceObstacle> Blocking => Obstacles.Where(IsBlocking);
    public IEnumerable<OpenLicenceObstacle> Conditions => Obstacles.Where(o => !IsBlocking(o));
    public bool IsEligible => !Blocking.Any();
    public bool Has(OpenLicenceObstacle o) => Obstacles.Contains(o);

    /// <summary>
    /// The obstacles of <paramref name="patent"/> on <paramref name="today"/>, one <c>if</c> per rule;
    /// <paramref name="alreadyDeclared"/> is whether another live declaration (not withdrawn, retracted or lapsed) names it.
    /// </summary>
    public static OpenLicenceEligibility Of(Patent patent, bool alreadyDeclared, DateOnly today)
    {
        var o = new List<OpenLicenceObstacle>();
        if (!patent.IsGranted(today))
            o.Add(patent.LegalStatus switch
            {
                PatentLegalStatus.Lapsed or PatentLegalStatus.Abandoned => OpenLicenceObstacle.Terminated,
                PatentLegalStatus.Expired => OpenLicenceObstacle.Expired,
                PatentLegalStatus.Invalidated => OpenLicenceObstacle.Invalidated,
                _ => OpenLicenceObstacle.NotGranted,
            });
        if (alreadyDeclared)
            o.Add(OpenLicenceObstacle.AlreadyDeclared);
        if (patent.Type is PatentType.UtilityModel or PatentType.Design)
            o.Add(OpenLicenceObstacle.EvaluationReportNeeded);
        if (patent.HasActiveExclusiveOrSoleLicence(today))
            o.Add(OpenLicenceObstacle.ExclusiveLicence);
        if (patent.IsSuspended)
            o.Add(OpenLicenceObstacle.Suspended);
        if (!patent.AnnualFeesPaidOn(today))
            o.Add(OpenLicenceObstacle.AnnualFeeUnpaid);
        if (patent.HasActivePledge(today))
            o.Add(OpenLicenceObstacle.PledgeeConsentNeeded);
        return new OpenLicenceEligibility(o);
    }

    /// <summary>The obstacle's label for people (a picker's reason), in Chinese and English.</summary>
    public static (string Zh, string En) Label(OpenLicenceObstacle o) => o switch
    {
        OpenLicenceObstacle.NotGranted => ("尚未授权", "not granted yet"),
        OpenLicenceObstacle.Terminated => ("专利权已终止", "terminated"),
        OpenLicenceObstacle.Expired => ("期限已届满", "term ended"),
        OpenLicenceObstacle.Invalidated => ("已宣告无效", "invalidated"),
        OpenLicenceObstacle.ExclusiveLicence => ("存在独占或排他许可", "exclusive or sole licence in force"),
        OpenLicenceObstacle.Suspended => ("中止程序中", "procedure suspended"),
        OpenLicenceObstacle.AnnualFeeUnpaid => ("年费未缴", "annual fee unpaid"),
        OpenLicenceObstacle.AlreadyDeclared => ("已声明开放许可", "already declared"),
        OpenLicenceObstacle.PledgeeConsentNeeded => ("已质押，需质权人同意", "pledged: pledgee's consent needed"),
        OpenLicenceObstacle.EvaluationReportNeeded => ("需专利权评价报告", "evaluation report needed"),
        _ => (o.ToString(), o.ToString()),
    };
}
