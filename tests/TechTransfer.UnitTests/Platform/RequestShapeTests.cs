using System.Reflection;
using TechTransfer.Platform;

namespace TechTransfer.UnitTests.Platform;

public sealed class RequestShapeTests
{
    public enum Colour { Red = 1, Green = 2 }

    [Flags]
    public enum Modes { None = 0, A = 1, B = 2 }

    public sealed record Line(string Name, string? Note, decimal Amount);

    public sealed record Body
    {
        public string Title { get; init; } = "";
        public string? Comment { get; init; }
        public List<string> Keywords { get; init; } = [];
        public IReadOnlyList<string?>? Tags { get; init; }
        public IReadOnlyList<Line>? Lines { get; init; }
        public Line? Main { get; init; }
        public Colour Colour { get; init; } = Colour.Red;
        public Modes Modes { get; init; }
        public DateOnly Date { get; init; }
        public DateTimeOffset? At { get; init; }
        public IReadOnlyDictionary<string, decimal>? Scores { get; init; }
    }

    private static List<(string Field, string Code)> Errors(object body) =>
        RequestShape.Check(body).Select(e => (e.Field, e.Code)).ToList();

    [Fact]
    public void A_well_formed_body_has_no_shape_errors()
    {
        var body = new Body
        {
            Title = "液冷散热", Comment = null, Keywords = ["IGBT"], Tags = ["a", null], Lines = [new Line("x", null, 1.5m)], Main = null,
            Modes = Modes.A | Modes.B, Date = new DateOnly(2026, 3, 2), Scores = new Dictionary<string, decimal> { ["merit"] = 80m },
        };
        Assert.Empty(Errors(body));
    }

    [Fact]
    public void Null_for_a_non_nullable_property_is_refused_and_named_in_camel_case()
    {
        Assert.Equal([("title", "validation.null_not_allowed"), ("keywords", "validation.null_not_allowed")],
            Errors(new Body { Title = null!, Keywords = null! }));
    }

    [Fact]
    public void Null_for_a_nullable_property_is_accepted()
    {
        Assert.Empty(Errors(new Body { Comment = null, Tags = null, Lines = null, Main = null, At = null }));
    }

    [Fact]
    public void A_null_element_in_a_list_of_non_nullable_elements_is_refused_with_its_index()
    {
        Assert.Equal([("keywords[1]", "validation.null_not_allowed"), ("lines[0]", "validation.null_not_allowed")],
            Errors(new Body { Keywords = ["a", null!], Lines = [null!] }));
    }

    [Fact]
    public void A_null_element_in_a_list_of_nullable_elements_is_accepted()
    {
        Assert.Empty(Errors(new Body { Tags = [null, null] }));
    }

    [Fact]
    public void Nested_objects_in_lists_are_walked_and_named_by_path()
    {
        Assert.Equal([("lines[1].name", "validation.null_not_allowed"), ("main.name", "validation.null_not_allowed")],
            Errors(new Body { Lines = [new Line("ok", null, 1m), new Line(null!, null, 1m)], Main = new Line(null!, "n", 1m) }));
    }

    [Fact]
    public void Text_longer_than_the_widest_column_is_refused()
    {
        Assert.Equal([("title", "validation.text_too_long")], Errors(new Body { Title = new string('长', RequestShape.MaxTextLength + 1) }));
        Assert.Empty(Errors(new Body { Title = new string('长', RequestShape.MaxTextLength) }));
    }

    [Fact]
    public void Text_with_nul_or_an_unpaired_surrogate_is_refused()
    {
        // built in code: theory data would be re-encoded (and repaired) by the test runner
        foreach (var text in new[] { "a" + '\0' + "b", ((char)0xD800).ToString(), "x" + (char)0xDC00, (char)0xD800 + "x" })
            Assert.Equal([("comment", "validation.invalid_text")], Errors(new Body { Comment = text }));
    }

    [Fact]
    public void A_surrogate_pair_is_valid_text()
    {
        Assert.Empty(Errors(new Body { Comment = "𠮷野家" }));
    }

    [Fact]
    public void A_decimal_that_does_not_fit_decimal_18_2_is_refused_wherever_it_is()
    {
        Assert.Equal([("lines[0].amount", "validation.number_out_of_range"), ("scores.merit", "validation.number_out_of_range")],
            Errors(new Body { Lines = [new Line("x", null, decimal.MaxValue)], Scores = new Dictionary<string, decimal> { ["merit"] = -1e16m } }));
        Assert.Empty(Errors(new Body { Lines = [new Line("x", null, 9_999_999_999_999_999.99m)] }));
    }

    [Fact]
    public void An_enum_value_the_enum_does_not_define_is_refused_but_flag_combinations_are_valid()
    {
        Assert.Equal([("colour", "validation.unknown_value"), ("modes", "validation.unknown_value")],
            Errors(new Body { Colour = (Colour)99, Modes = (Modes)8 }));
        Assert.Empty(Errors(new Body { Modes = Modes.A | Modes.B }));
    }

    [Fact]
    public void Dates_outside_1900_to_2199_are_refused_and_the_default_is_left_to_the_use_case()
    {
        Assert.Equal([("date", "validation.date_out_of_range"), ("at", "validation.date_out_of_range")],
            Errors(new Body { Date = DateOnly.MaxValue, At = new DateTimeOffset(1, 1, 2, 0, 0, 0, TimeSpan.Zero) }));
        Assert.Empty(Errors(new Body { Date = default }));
    }

    [Fact]
    public void Every_field_error_is_bilingual()
    {
        var errors = RequestShape.Check(new Body { Title = null!, Comment = "\0", Colour = (Colour)9, Date = DateOnly.MinValue.AddDays(1) });
        Assert.Equal(4, errors.Count);
        Assert.All(errors, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Zh));
            Assert.False(string.IsNullOrWhiteSpace(e.En));
        });
    }

    [Fact]
    public void A_list_of_many_nulls_reports_at_most_the_error_cap()
    {
        Assert.Equal(RequestShape.MaxErrors, Errors(new Body { Keywords = Enumerable.Repeat<string>(null!, 10_000).ToList() }).Count);
    }

    private static void Handler(List<string> names, string? note) { }

    [Fact]
    public void The_element_nullability_of_a_top_level_list_comes_from_its_declaration()
    {
        var parameter = typeof(RequestShapeTests).GetMethod(nameof(Handler), BindingFlags.NonPublic | BindingFlags.Static)!.GetParameters()[0];
        var info = new NullabilityInfoContext().Create(parameter);
        Assert.Equal([("names[0]", "validation.null_not_allowed")],
            RequestShape.Check(new List<string> { null! }, info, "names").Select(e => (e.Field, e.Code)).ToList());
    }
}
