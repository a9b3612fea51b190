package org.leadrelay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.DoubleSupplier;

/**
 * The CPU time (user and system) a process, or PostgreSQL's processes together, used
 * while a window was open, from {@code /proc/<pid>/stat}.
 */
final class CpuMeter implements LoadGenerator.Window {

	/** Linux reports CPU time in clock ticks of 1/100 s on every usual configuration. */
	private static final double TICKS_PER_SECOND = 100;

	private final DoubleSupplier seconds;

	private double start;

	private double end;

	private CpuMeter(DoubleSupplier seconds) {
		this.seconds = seconds;
	}

	/** The CPU of one process (LeadRelay's); PostgreSQL runs in processes of its own. */
	CpuMeter(long pid) {
		this(() -> seconds(pid, false));
	}

	/**
	 * The CPU of a PostgreSQL server running on this machine: its postmaster, the
	 * backends alive and those that ended meanwhile (the postmaster reaps them, so their
	 * time is its children's). A backend reaped between the two reads is lost: close the
	 * window once the backends a run started have ended ({@link #awaitBackends}).
	 */
	static CpuMeter postgres(ProcessHandle postmaster) {
		return new CpuMeter(() -> seconds(postmaster.pid(), true)
				+ postmaster.descendants().mapToDouble(process -> seconds(process.pid(), false)).sum());
	}

	/**
	 * Waits, for five seconds at most, until the postmaster has no more processes than
	 * {@code count}: the backends of a client that disconnected have ended and been
	 * reaped.
	 */
	static void awaitBackends(ProcessHandle postmaster, long count) throws InterruptedException {
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (postmaster.descendants().count() > count && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
	}

	@Override
	public void opened() {
		this.start = this.seconds.getAsDouble();
	}

	@Override
	public void closed() {
		this.end = this.seconds.getAsDouble();
	}

	Reading reading() {
		return new Reading(this.end - this.start);
	}

	private static double seconds(long pid, boolean withReapedChildren) {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		try {
			String line = Files.readString(stat);
			// the fields after the command, which is in parentheses and may hold spaces
			String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			if (withReapedChildren) {
				ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
			}
			return ticks / TICKS_PER_SECOND;
		}
		catch (NoSuchFileException ex) {
			// a backend that ended between listing and reading: its parent has its time
			return 0;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + stat, ex);
		}
	}

	/** CPU seconds used while the window was open. */
	record Reading(double seconds) {

		double microsPer(double requests) {
			return this.seconds * 1e6 / Math.max(requests, 1);
		}

	}

}
