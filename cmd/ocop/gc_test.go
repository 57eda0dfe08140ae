package main

import (
	"runtime"
	"testing"
	"time"
)

func TestGCPercentFor(t *testing.T) {
	const MiB = 1 << 20
	for _, tc := range []struct {
		live uint64
		want int
	}{
		{0, 100},
		{1 * MiB, 100},
		{64 * MiB, 100}, // headroom of 64 MiB is exactly 100 %
		{80 * MiB, 80},
		{100 * MiB, 64},
		{116 * MiB, 55},
		{220 * MiB, 55}, // 20,000 products
		{1 << 40, 55},
	} {
		if got := gcPercentFor(tc.live); got != tc.want {
			t.Errorf("gcPercentFor(%d MiB) = %d, want %d", tc.live/MiB, got, tc.want)
		}
	}
}

// TestGCTunerFollowsCollections checks the hook mechanism itself: after
// each collection the tuner reads the live heap and sets GOGC when it
// changes, and it stays armed for the collections after.
func TestGCTunerFollowsCollections(t *testing.T) {
	lives := make(chan uint64, 1)
	sets := make(chan int, 1)
	live := uint64(1 << 20)
	tuner := &gcTuner{
		live: func() uint64 {
			select {
			case l := <-lives:
				live = l
			default:
			}
			return live
		},
		set:     func(p int) { sets <- p },
		percent: gcMaxPercent,
	}
	tuner.arm()
	for _, step := range []struct {
		live uint64
		want int
	}{
		{300 << 20, 55},
		{80 << 20, 80},
		{10 << 20, 100},
	} {
		lives <- step.live
		deadline := time.After(10 * time.Second)
	wait:
		for {
			runtime.GC()
			select {
			case got := <-sets:
				if got != step.want {
					t.Fatalf("live %d MiB: GOGC set to %d, want %d", step.live>>20, got, step.want)
				}
				break wait
			case <-deadline:
				t.Fatalf("live %d MiB: GOGC not set after collections", step.live>>20)
			case <-time.After(10 * time.Millisecond):
			}
		}
	}
}
