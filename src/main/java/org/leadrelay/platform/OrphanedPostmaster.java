package org.leadrelay.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After LeadRelay was killed (kill -9, a power cut of the JVM only), its embedded
 * PostgreSQL keeps running without it and holds {@code postmaster.pid}, so the next start
 * fails. This finds such an orphan and shuts it down cleanly (fast shutdown: open
 * transactions roll back, nothing committed is lost) before the new start.
 * <p>
 * It is an orphan only when no running LeadRelay holds the data directory's
 * {@code epg-lock} (the embedded database's own lock, released by the operating system
 * when its JVM dies), the process named in {@code postmaster.pid} is a {@code postgres}
 * and the file names this data directory.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

	private OrphanedPostmaster() {
	}

	/** Stops the orphaned postmaster of {@code dataDir}, if there is one. */
	static void stopIfAny(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(dataDir.resolve("epg-lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = tryLock(channel)) {
			if (lock == null) {
				throw new IllegalStateException("The embedded database in " + dataDir
						+ " is in use by another running LeadRelay; stop it first, or give this one its own "
						+ "leadrelay.embedded-postgres.data-dir");
			}
			Optional<ProcessHandle> postmaster = postmasterOf(dataDir, Files.readAllLines(pidFile));
			if (postmaster.isPresent()) {
				stop(postmaster.get(), dataDir);
			}
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException heldInThisJvm) {
			return null;
		}
	}

	/** The live postgres process the pid file names, when it serves this directory. */
	static Optional<ProcessHandle> postmasterOf(Path dataDir, List<String> pidFile) throws IOException {
		if (pidFile.size() < 2 || !pidFile.get(0).strip().matches("\\d+")) {
			return Optional.empty();
		}
		Path named = Path.of(pidFile.get(1).strip());
		if (!Files.exists(named) || !Files.isSameFile(named, dataDir)) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(pidFile.get(0).strip()))
			.filter(ProcessHandle::isAlive)
			.filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
	}

	private static void stop(ProcessHandle postmaster, Path dataDir) throws IOException {
		log.warn("The embedded PostgreSQL of {} (pid {}) was left running by a LeadRelay that stopped without "
				+ "shutting it down; shutting it down before starting again", dataDir, postmaster.pid());
		// SIGINT is PostgreSQL's fast shutdown; SIGTERM (Java's destroy) would wait for
		// clients
		Process signal = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start();
		try {
			signal.waitFor(10, TimeUnit.SECONDS);
			postmaster.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
			log.info("The orphaned embedded PostgreSQL shut down");
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The orphaned embedded PostgreSQL (pid " + postmaster.pid()
					+ ") did not shut down within " + SHUTDOWN_WAIT + "; stop it and start LeadRelay again");
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
