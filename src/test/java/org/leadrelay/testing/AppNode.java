package org.leadrelay.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.leadrelay.LeadRelayApplication;

import static org.awaitility.Awaitility.await;

/**
 * LeadRelay started as a separate JVM, as one node of a cluster would be: it can be
 * killed hard, like a crashed server. Its output goes to {@code target/nodes/<name>.log}.
 */
public final class AppNode implements AutoCloseable {

	private final String name;

	private final Process process;

	private final int port;

	private AppNode(String name, Process process, int port) {
		this.name = name;
		this.process = process;
		this.port = port;
	}

	/** Small and quick to start: test nodes live for seconds. */
	private static final List<String> TEST_JVM = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

	/**
	 * A key for the secrets the nodes of one test cluster store (they must share it, as
	 * real nodes do).
	 */
	public static final String SECRETS_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	/**
	 * Starts a node on the database at {@code jdbcUrl} with extra application properties.
	 */
	public static AppNode start(String name, String jdbcUrl, String... properties) throws IOException {
		int port = FreePorts.freePort();
		List<String> arguments = new ArrayList<>(List.of("--leadrelay.demo.enabled=false",
				"--leadrelay.public-url=http://127.0.0.1:" + port, "--leadrelay.secrets.key=" + SECRETS_KEY));
		for (String property : properties) {
			arguments.add("--" + property);
		}
		return start(name, port, TEST_JVM,
				Map.of("SPRING_DATASOURCE_URL", jdbcUrl, "SPRING_DATASOURCE_USERNAME", "postgres"), arguments);
	}

	/**
	 * Starts a node with the JVM options and environment of a production server (the
	 * benchmark's), on a free port; {@code properties} as for {@link #start}.
	 */
	public static AppNode startTuned(String name, List<String> jvmOptions, Map<String, String> environment,
			String... properties) throws IOException {
		List<String> arguments = new ArrayList<>();
		for (String property : properties) {
			arguments.add("--" + property);
		}
		return start(name, FreePorts.freePort(), jvmOptions, environment, arguments);
	}

	/**
	 * Starts a node on its own embedded database in {@code dataDir}, as
	 * {@code ./mvnw spring-boot:run} does, with extra application properties.
	 */
	public static AppNode startEmbedded(String name, Path dataDir, String... properties) throws IOException {
		List<String> arguments = new ArrayList<>(
				List.of("--leadrelay.embedded-postgres.data-dir=" + dataDir.toAbsolutePath()));
		for (String property : properties) {
			arguments.add("--" + property);
		}
		return start(name, FreePorts.freePort(), TEST_JVM, Map.of(), arguments);
	}

	private static AppNode start(String name, int port, List<String> jvmOptions, Map<String, String> environment,
			List<String> arguments) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", runtimeClassPath(), LeadRelayApplication.class.getName(), "--server.port=" + port,
				"--spring.main.banner-mode=off"));
		command.addAll(arguments);
		Path log = Files.createDirectories(Path.of("target/nodes")).resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().remove("SPRING_DATASOURCE_URL");
		builder.environment().putAll(environment);
		AppNode node = new AppNode(name, builder.start(), port);
		Runtime.getRuntime().addShutdownHook(new Thread(node.process::destroyForcibly));
		return node;
	}

	/**
	 * The application's classes and its run-time dependencies (written by the build's
	 * maven-dependency-plugin), without the tests' own: a node runs as
	 * {@code ./mvnw spring-boot:run} runs it.
	 */
	private static String runtimeClassPath() throws IOException {
		return Path.of("target/classes").toAbsolutePath() + File.pathSeparator
				+ Files.readString(Path.of("target/runtime-classpath.txt")).strip();
	}

	/**
	 * Waits until the node is ready for traffic (its readiness group): its start-up work
	 * is done (the application runners, such as the roll-ups' folds at start, which the
	 * health check alone does not wait for) and its database answers. Fails at once when
	 * the node exits.
	 */
	public AppNode awaitReady(Duration timeout) {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build();
		await(this.name + " ready").atMost(timeout)
			.pollInterval(Duration.ofMillis(250))
			// not listening yet: still starting
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(this.name + " exited; see target/nodes/" + this.name + ".log");
				}
				return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			});
		return this;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public int port() {
		return this.port;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** The node's process id, to look at what it started. */
	public long pid() {
		return this.process.pid();
	}

	/** Kills the node without letting it shut down, like a power cut. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
			kill();
		}
	}

}
