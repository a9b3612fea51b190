package org.leadrelay.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a scenario's CPU time goes, by layer, from the execution samples of a JFR
 * recording of LeadRelay's process: each sample counts for the innermost frame that is
 * not the JDK's own, so that a JDK method (string building, hashing, I/O) counts for the
 * library that called it. The shares are scaled to the CPU time per request that the
 * process used (see {@link CpuMeter}).
 */
final class CostBreakdown {

	/**
	 * The layers, tried in this order on a frame's class name: the more specific first
	 * (JWT before the rest of Spring Security, the caller's scope before the rest of
	 * LeadRelay).
	 */
	private static final List<Layer> LAYERS = List.of(new Layer("JSON (Jackson)", "tools.jackson.", "com.fasterxml."),
			new Layer("SQL (driver, pool, JdbcClient)", "org.postgresql.", "com.zaxxer.hikari.",
					"org.springframework.jdbc."),
			new Layer("transactions", "org.springframework.transaction."),
			new Layer("event publication (Modulith)", "org.springframework.modulith."),
			new Layer("templates of mails and pages (Thymeleaf, SpEL)", "org.thymeleaf.", "org.unbescape.",
					"org.springframework.expression."),
			new Layer("JWT (Nimbus, resource server)", "com.nimbusds.", "org.springframework.security.oauth2."),
			new Layer("security filter chain", "org.springframework.security."),
			new Layer("observations (Micrometer)", "io.micrometer."),
			new Layer("logging", "ch.qos.logback.", "org.slf4j."),
			new Layer("caller and scope (LeadRelay identity)", "org.leadrelay.identity.",
					"org.leadrelay.referral.ReferralScope", "org.leadrelay.platform.web."),
			new Layer("LeadRelay (domain, controllers, events)", "org.leadrelay."),
			new Layer("Spring MVC", "org.springframework.web.", "org.springframework.http."),
			new Layer("Spring core (AOP, beans, events)", "org.springframework."),
			new Layer("bean validation", "org.hibernate.validator.", "jakarta.validation."),
			new Layer("Tomcat and the servlet API", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.",
					"jakarta.servlet."),
			new Layer("other libraries", ""));

	private static final String JDK_ONLY = "JDK only (threads without a library frame)";

	private final Map<String, Long> samples = new LinkedHashMap<>();

	/** Samples by kind of thread: serving requests, running listeners, the rest. */
	private final Map<String, Long> threads = new LinkedHashMap<>();

	private long total;

	private Duration gcPauses = Duration.ZERO;

	private CostBreakdown() {
		LAYERS.forEach(layer -> this.samples.put(layer.name(), 0L));
		this.samples.put(JDK_ONLY, 0L);
	}

	static CostBreakdown of(Path recording) throws IOException {
		CostBreakdown breakdown = new CostBreakdown();
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			String type = event.getEventType().getName();
			if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
				breakdown.count(layerOf(event.getStackTrace()), threadOf(event));
			}
			else if (type.equals("jdk.GarbageCollection")) {
				breakdown.gcPauses = breakdown.gcPauses.plus(event.getDuration("sumOfPauses"));
			}
		}
		return breakdown;
	}

	private void count(String layer, String thread) {
		this.samples.merge(layer, 1L, Long::sum);
		this.threads.merge(thread, 1L, Long::sum);
		this.total++;
	}

	private static String threadOf(RecordedEvent sample) {
		String name = sample.getThread("sampledThread") == null ? ""
				: String.valueOf(sample.getThread("sampledThread").getJavaName());
		if (name.startsWith("http-nio-")) {
			return "request threads";
		}
		return name.startsWith("task-") ? "listener threads (after the commit)" : "other threads (jobs, pool)";
	}

	private static String layerOf(RecordedStackTrace stack) {
		for (RecordedFrame frame : stack.getFrames()) {
			if (!frame.isJavaFrame() || frame.getMethod() == null) {
				continue;
			}
			String type = frame.getMethod().getType().getName();
			if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
					|| type.startsWith("javax.")) {
				continue;
			}
			return LAYERS.stream().filter(layer -> layer.matches(type)).findFirst().orElseThrow().name();
		}
		return JDK_ONLY;
	}

	/**
	 * The table: each layer's share of the samples and its CPU microseconds per request.
	 */
	String markdown(String scenario, double cpuMicrosPerRequest, double requests) {
		StringBuilder table = new StringBuilder(String.format(
				"### %s: %.0f µs of CPU per request (%,d samples; GC pauses %.1f µs per request)%n%n"
						+ "| layer | share of samples | µs per request |%n|---|---|---|%n",
				scenario, cpuMicrosPerRequest, this.total, this.gcPauses.toNanos() / 1e3 / Math.max(requests, 1)));
		table.insert(table.indexOf("| layer"), threadShares() + "\n\n");
		this.samples.entrySet()
			.stream()
			.filter(entry -> entry.getValue() > 0)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach(entry -> {
				double share = entry.getValue() / (double) Math.max(this.total, 1);
				table.append(String.format("| %s | %.1f %% | %.0f |%n", entry.getKey(), share * 100,
						share * cpuMicrosPerRequest));
			});
		return table.toString();
	}

	private String threadShares() {
		StringBuilder shares = new StringBuilder("Samples by thread:");
		this.threads.forEach((thread, count) -> shares
			.append(String.format(" %s %.0f %%;", thread, 100.0 * count / Math.max(this.total, 1))));
		return shares.substring(0, shares.length() - 1);
	}

	private record Layer(String name, String... prefixes) {

		boolean matches(String type) {
			for (String prefix : this.prefixes) {
				if (type.startsWith(prefix)) {
					return true;
				}
			}
			return false;
		}

	}

}
