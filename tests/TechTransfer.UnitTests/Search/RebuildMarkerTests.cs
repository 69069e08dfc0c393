using TechTransfer.Search.Engine;

namespace TechTransfer.UnitTests.Search;

public sealed class RebuildMarkerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tt-marker-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void A_marker_with_a_recent_heartbeat_is_not_abandoned()
    {
        new RebuildMarker("gen-x", DateTimeOffset.UtcNow, 1).Write(_dir);
        File.SetLastWriteTimeUtc(Path.Combine(_dir, RebuildMarker.FileName), DateTime.UtcNow.AddMinutes(-6));
        RebuildMarker.Heartbeat(_dir);
        Assert.False(RebuildMarker.IsAbandoned(_dir));
    }

    [Fact]
    public void A_marker_without_a_heartbeat_for_five_minutes_is_abandoned()
    {
        new RebuildMarker("gen-x", DateTimeOffset.UtcNow, 1).Write(_dir);
        var marker = Path.Combine(_dir, RebuildMarker.FileName);
        File.SetLastWriteTimeUtc(marker, DateTime.UtcNow.AddMinutes(-4));
        Assert.False(RebuildMarker.IsAbandoned(_dir));
        File.SetLastWriteTimeUtc(marker, DateTime.UtcNow.AddMinutes(-6));
        Assert.True(RebuildMarker.IsAbandoned(_dir));
    }

    [Fact]
    public void A_heartbeat_that_stopped_five_minutes_ago_is_abandoned_too()
    {
        new RebuildMarker("gen-x", DateTimeOffset.UtcNow, 1).Write(_dir);
        File.SetLastWriteTimeUtc(Path.Combine(_dir, RebuildMarker.FileName), DateTime.UtcNow.AddMinutes(-20));
        RebuildMarker.Heartbeat(_dir);
        File.SetLastWriteTimeUtc(Path.Combine(_dir, RebuildMarker.HeartbeatFile), DateTime.UtcNow.AddMinutes(-6));
        Assert.True(RebuildMarker.IsAbandoned(_dir));
    }

    [Fact]
    public void Without_a_marker_nothing_is_abandoned()
    {
        Assert.False(RebuildMarker.IsAbandoned(_dir));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void Clear_removes_marker_ack_journal_and_heartbeat()
    {
        new RebuildMarker("gen-x", DateTimeOffset.UtcNow, 1).Write(_dir);
        RebuildMarker.Heartbeat(_dir);
        Assert.False(RebuildMarker.IsAbandoned(_dir));
        File.WriteAllText(Path.Combine(_dir, RebuildMarker.AckFile), "1");
        File.WriteAllText(Path.Combine(_dir, RebuildMarker.JournalFile), "organization\t00000000000000000000000000000001\n");
        Assert.Equal("gen-x", RebuildMarker.Read(_dir)!.Generation);
        RebuildMarker.Clear(_dir);
        Assert.Null(RebuildMarker.Read(_dir));
        Assert.Empty(Directory.GetFiles(_dir));
    }
}
