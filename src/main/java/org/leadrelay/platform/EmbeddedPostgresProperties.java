package org.leadrelay.platform;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL used when no external database is configured.
 *
 * @param dataDir where the data lives between restarts; blank for a throw-away database
 * @param port a fixed port, or 0 to pick a free one
 * @param serverConfig extra {@code postgresql.conf} settings
 */
@ConfigurationProperties("leadrelay.embedded-postgres")
record EmbeddedPostgresProperties(@DefaultValue("./data/postgres") @Nullable String dataDir,
		@DefaultValue("0") int port, @DefaultValue Map<String, String> serverConfig) {
}
