package org.leadrelay.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.leadrelay.platform.SealedColumn;
import org.leadrelay.platform.Secrets;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.OrganizationId;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores webhook endpoints. Every query a caller triggers names the caller's
 * organization, so another organization's endpoint is not found. Signing secrets are
 * stored encrypted ({@link Secrets}).
 */
@Repository
class EndpointRepository {

	private static final String COLUMNS = "id, url, events, created_at, disabled_at, disabled_reason";

	static final String TABLE = "webhook_endpoint";

	private final JdbcClient jdbc;

	private final Secrets secrets;

	EndpointRepository(JdbcClient jdbc, Secrets secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	@Bean
	static SealedColumn webhookSecretColumn() {
		return new SealedColumn(TABLE, "id", "secret");
	}

	@Bean
	static SealedColumn previousWebhookSecretColumn() {
		return new SealedColumn(TABLE, "id", "previous_secret");
	}

	void insert(OrganizationId organization, WebhookEndpoint endpoint, WebhookSecret secret, String createdBy) {
		this.jdbc
			.sql("insert into webhook_endpoint (id, organization_id, url, events, secret, created_by, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(endpoint.id(), organization.value(), endpoint.url(), eventNames(endpoint.events()),
					this.secrets.seal(secret.value(), SealedColumn.context(TABLE, endpoint.id())), createdBy,
					SqlValues.timestamp(endpoint.createdAt()))
			.update();
	}

	/**
	 * Makes a just inserted endpoint the organization's Referrals API-style registration;
	 * false if it already has one.
	 */
	boolean makeRegistration(OrganizationId organization, UUID id) {
		return this.jdbc
			.sql("update webhook_endpoint set payload_format = ? where organization_id = ? and id = ? "
					+ "and not exists (select 1 from webhook_endpoint other where other.organization_id = ? "
					+ "and other.payload_format = ?)")
			.params(PayloadFormat.REFERRALS_API.name(), organization.value(), id, organization.value(),
					PayloadFormat.REFERRALS_API.name())
			.update() == 1;
	}

	/** The organization's Referrals API-style registration, if it made one. */
	Optional<WebhookEndpoint> findRegistration(OrganizationId organization) {
		return this.jdbc
			.sql("select " + COLUMNS + " from webhook_endpoint where organization_id = ? and payload_format = ?")
			.params(organization.value(), PayloadFormat.REFERRALS_API.name())
			.query(EndpointRepository::endpoint)
			.optional();
	}

	/**
	 * Points an endpoint at a new URL and events; it is enabled again, as registering it
	 * anew would.
	 */
	boolean update(OrganizationId organization, UUID id, String url, List<WebhookEvent> events) {
		return this.jdbc
			.sql("update webhook_endpoint set url = ?, events = ?, disabled_at = null, disabled_reason = null "
					+ "where organization_id = ? and id = ?")
			.params(url, eventNames(events), organization.value(), id)
			.update() == 1;
	}

	List<WebhookEndpoint> findAll(OrganizationId organization) {
		return this.jdbc
			.sql("select " + COLUMNS + " from webhook_endpoint where organization_id = ? order by created_at, id")
			.param(organization.value())
			.query(EndpointRepository::endpoint)
			.list();
	}

	Optional<WebhookEndpoint> find(OrganizationId organization, UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from webhook_endpoint where organization_id = ? and id = ?")
			.params(organization.value(), id)
			.query(EndpointRepository::endpoint)
			.optional();
	}

	int count(OrganizationId organization) {
		return this.jdbc.sql("select count(*) from webhook_endpoint where organization_id = ?")
			.param(organization.value())
			.query(Integer.class)
			.single();
	}

	boolean delete(OrganizationId organization, UUID id) {
		return this.jdbc.sql("delete from webhook_endpoint where organization_id = ? and id = ?")
			.params(organization.value(), id)
			.update() == 1;
	}

	/**
	 * Makes {@code secret} the signing secret; the current one keeps signing until then.
	 */
	boolean rotateSecret(OrganizationId organization, UUID id, WebhookSecret secret, Instant previousValidUntil) {
		return this.jdbc
			.sql("update webhook_endpoint set previous_secret = secret, previous_secret_expires_at = ?, secret = ? "
					+ "where organization_id = ? and id = ?")
			.params(SqlValues.timestamp(previousValidUntil),
					this.secrets.seal(secret.value(), SealedColumn.context(TABLE, id)), organization.value(), id)
			.update() == 1;
	}

	/** The enabled endpoints of an organization that subscribed to the event. */
	List<Subscriber> subscribedTo(OrganizationId organization, WebhookEvent event) {
		return this.jdbc
			.sql("select id, payload_format from webhook_endpoint where organization_id = ? and disabled_at is null "
					+ "and ? = any(events)")
			.params(organization.value(), event.eventName())
			.query((rs, row) -> new Subscriber(rs.getObject("id", UUID.class),
					PayloadFormat.valueOf(rs.getString("payload_format"))))
			.list();
	}

	/**
	 * The active endpoints of these organizations that subscribed to the event, by
	 * organization.
	 */
	Map<OrganizationId, List<Subscriber>> subscribedTo(Collection<OrganizationId> organizations, WebhookEvent event) {
		Map<OrganizationId, List<Subscriber>> subscribed = new HashMap<>();
		this.jdbc.sql(
				"select organization_id, id, payload_format from webhook_endpoint where organization_id = any(?::uuid[]) "
						+ "and disabled_at is null and ? = any(events)")
			.params(SqlValues.uuidArray(organizations.stream().map(OrganizationId::value).toList()), event.eventName())
			.query((rs, row) -> subscribed
				.computeIfAbsent(new OrganizationId(rs.getObject("organization_id", UUID.class)),
						organization -> new ArrayList<>())
				.add(new Subscriber(rs.getObject("id", UUID.class),
						PayloadFormat.valueOf(rs.getString("payload_format")))))
			.list();
		return subscribed;
	}

	void disable(UUID id, String reason, Instant now) {
		this.jdbc.sql("update webhook_endpoint set disabled_at = ?, disabled_reason = ? where id = ?")
			.params(SqlValues.timestamp(now), reason, id)
			.update();
	}

	/** An endpoint to deliver an event to, in its format. */
	record Subscriber(UUID id, PayloadFormat format) {
	}

	private static String[] eventNames(List<WebhookEvent> events) {
		return events.stream().map(WebhookEvent::eventName).toArray(String[]::new);
	}

	private static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
		List<WebhookEvent> events = Arrays.stream((String[]) rs.getArray("events").getArray())
			.map(name -> WebhookEvent.named(name).orElseThrow())
			.toList();
		return new WebhookEndpoint(rs.getObject("id", UUID.class), rs.getString("url"), events,
				SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "disabled_at"),
				rs.getString("disabled_reason"));
	}

}
