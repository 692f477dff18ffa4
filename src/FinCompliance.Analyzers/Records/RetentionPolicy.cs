using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// The project's default retention period of <c>[RetainedRecord]</c> (build property
/// <c>FinComplianceRetentionYears</c>, default 5) and how a query's age filter compares with a period in years.
/// </summary>
internal static class RetentionPolicy
{
    /// <summary>Reads the build property; <paramref name="invalidValue"/> is the raw text when it is not a positive integer.</summary>
    public static int DefaultYears(AnalyzerOptions options, out string? invalidValue)
    {
        invalidValue = null;
        var text = options.GetBuildProperty(AnalyzerOptionsExtensions.RetentionYearsProperty);
        if (text is null)
        {
            return AnalyzerOptionsExtensions.DefaultRetentionYears;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years > 0 && years <= 1000)
        {
            return years;
        }

        invalidValue = text;
        return AnalyzerOptionsExtensions.DefaultRetentionYears;
    }

    /// <summary>
    /// The fewest days that always cover <paramref name="years"/> calendar years: 365 a year plus the most leap days
    /// such a span can contain (one every four years, rounded up), e.g. 1827 for 5 years. A shorter <c>AddDays</c>
    /// cut-off deletes some records a day or two early, depending on where the leap days fall.
    /// </summary>
    public static int DaysCovering(int years) => (years * 365) + ((years + 3) / 4);
}

/// <summary>How old a query's filter makes the deleted records at least: an amount of a calendar unit.</summary>
internal readonly struct RecordAge
{
    /// <summary>A date comparison whose cut-off is not a recognisable "now minus a constant" (a parameter, a field, …).</summary>
    public static RecordAge Unverifiable => new(0, "unverifiable");

    public RecordAge(double amount, string unit)
    {
        Amount = amount;
        Unit = unit;
    }

    public double Amount { get; }

    /// <summary><c>years</c>, <c>months</c> or <c>days</c>.</summary>
    public string Unit { get; }

    /// <summary>The age in days, counted the short way (for choosing the strongest of several filters).</summary>
    public double MinimumDays => Unit switch
    {
        "years" => Amount * 365,
        "months" => Amount * 28,
        _ => Amount,
    };

    public bool Covers(int years) => Unit switch
    {
        "years" => Amount >= years,
        "months" => Amount >= years * 12,
        "days" => Amount >= RetentionPolicy.DaysCovering(years),
        _ => false,
    };

    public override string ToString()
        => Unit == "unverifiable"
            ? "with an age filter whose cut-off cannot be verified"
            : string.Format(CultureInfo.InvariantCulture, "after {0} {1}", Amount, Amount == 1 ? Unit.TrimEnd('s') : Unit);
}
