using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TechTransfer.Platform.Jobs;

namespace TechTransfer.UnitTests.Platform;

/// <summary>
/// A scheduled job on a clock that jumps: moving the business clock by 16 days wakes a 1 s job once at the new time, not
/// once per missed second (a periodic timer on <see cref="FakeTimeProvider"/> fires 1.4 million times for it, which made
/// the exchange end-to-end journey take minutes).
/// </summary>
public sealed class ScheduledJobTests
{
    [Fact]
    public async Task A_clock_jump_of_days_wakes_a_one_second_job_once_and_it_keeps_its_interval_afterwards()
    {
        var clock = new CountingClock(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero)));
        using var services = new ServiceCollection().BuildServiceProvider();
        using var job = new CountingJob(services.GetRequiredService<IServiceScopeFactory>(), clock);
        await job.StartAsync(CancellationToken.None);
        try
        {
            await job.WaitForRunsAsync(1); // the run at start
            clock.Fake.Advance(TimeSpan.FromDays(16));
            await job.WaitForRunsAsync(2);
            Assert.InRange(clock.Fired, 0, 3); // not one callback per missed second
            Assert.Equal(clock.Fake.GetUtcNow(), job.LastRunAt); // the run saw the new time

            clock.Fake.Advance(TimeSpan.FromSeconds(1)); // and the interval goes on from there
            await job.WaitForRunsAsync(3);
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The fake clock, counting the timer callbacks it fires.</summary>
    private sealed class CountingClock(FakeTimeProvider fake) : TimeProvider
    {
        private int _fired;
        public FakeTimeProvider Fake => fake;
        public int Fired => Volatile.Read(ref _fired);
        public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();
        public override long GetTimestamp() => fake.GetTimestamp();
        public override long TimestampFrequency => fake.TimestampFrequency;
        public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            fake.CreateTimer(s => { Interlocked.Increment(ref _fired); callback(s); }, state, dueTime, period);
    }

    private sealed class CountingJob(IServiceScopeFactory scopes, TimeProvider clock) : ScheduledJob(scopes, clock, NullLogger.Instance)
    {
        private readonly TimeProvider _time = clock;
        private int _runs;
        private readonly SemaphoreSlim _ran = new(0);
        public DateTimeOffset LastRunAt { get; private set; }
        protected override bool Enabled => true;
        protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

        protected override Task RunAsync(IServiceProvider services, CancellationToken ct)
        {
            LastRunAt = _time.GetUtcNow();
            Interlocked.Increment(ref _runs);
            _ran.Release();
            return Task.CompletedTask;
        }

        public async Task WaitForRunsAsync(int runs)
        {
            while (Volatile.Read(ref _runs) < runs)
                Assert.True(await _ran.WaitAsync(TimeSpan.FromSeconds(30)), $"the job ran {Volatile.Read(ref _runs)} time(s), expected {runs}");
        }

        public override void Dispose()
        {
            _ran.Dispose();
            base.Dispose();
        }
    }
}
