package org.leadrelay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time (user and system) a process has used so far, from
 * {@code /proc/<pid>/stat}; PostgreSQL runs in processes of its own and is not counted.
 */
final class CpuMeter implements LoadGenerator.Window {

	/** Linux reports CPU time in clock ticks of 1/100 s on every usual configuration. */
	private static final double TICKS_PER_SECOND = 100;

	private final Path stat;

	private double start;

	private double end;

	CpuMeter(long pid) {
		this.stat = Path.of("/proc", Long.toString(pid), "stat");
	}

	@Override
	public void opened() {
		this.start = seconds();
	}

	@Override
	public void closed() {
		this.end = seconds();
	}

	Reading reading() {
		return new Reading(this.end - this.start);
	}

	private double seconds() {
		try {
			String line = Files.readString(this.stat);
			// the fields after the command, which is in parentheses and may hold spaces
			String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + this.stat, ex);
		}
	}

	/** CPU seconds used while the window was open. */
	record Reading(double seconds) {

		double microsPer(double requests) {
			return this.seconds * 1e6 / Math.max(requests, 1);
		}

	}

}
