using TechTransfer.Composition;

namespace TechTransfer.ApiTests.Platform;

/// <summary>The audit page's change summary read from the interceptor's snapshots (no database).</summary>
public sealed class AuditChangesTests
{
    [Fact]
    public void A_modified_record_shows_each_changed_field_with_its_value_before_and_after()
    {
        var changes = AuditChanges.Of("""{"Status":"Draft","Version":1,"Note":null}""", """{"Status":"Submitted","Version":2,"Note":"ok"}""");
        Assert.Equal([new("Status", "Draft", "Submitted"), new("Version", "1", "2"), new("Note", null, "ok")], changes);
    }

    [Fact]
    public void An_added_record_lists_its_fields_after_and_a_deleted_one_its_fields_before()
    {
        Assert.Equal([new("Title", null, "甲"), new("Amount", null, "12.5")], AuditChanges.Of(null, """{"Title":"甲","Amount":12.5}"""));
        Assert.Equal([new("Title", "乙", null)], AuditChanges.Of("""{"Title":"乙"}""", null));
    }

    [Fact]
    public void Unchanged_fields_are_left_out_of_a_modification_and_text_that_is_not_a_snapshot_is_shown_whole()
    {
        Assert.Equal([new("B", "1", "2")], AuditChanges.Of("""{"A":"x","B":1}""", """{"A":"x","B":2}"""));
        Assert.Equal([new("", null, "not json")], AuditChanges.Of(null, "not json"));
        Assert.Empty(AuditChanges.Of(null, null));
    }

    [Fact]
    public void Long_values_are_shortened_for_the_summary_with_an_ellipsis()
    {
        Assert.Equal("—", AuditChanges.Short(null));
        Assert.Equal("short", AuditChanges.Short("short"));
        var cut = AuditChanges.Short(new string('x', 100), 10);
        Assert.Equal(10, cut.Length);
        Assert.EndsWith("…", cut);
    }
}
