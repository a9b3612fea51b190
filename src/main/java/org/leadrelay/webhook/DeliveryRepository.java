package org.leadrelay.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.SealedColumn;
import org.leadrelay.platform.Secrets;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.Ids;
import org.leadrelay.webhook.WebhookDelivery.Attempt;
import org.leadrelay.webhook.WebhookDelivery.Status;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores deliveries and the log of their attempts. Callers reach a delivery only through
 * an endpoint of their own organization.
 */
@Repository
class DeliveryRepository {

	private static final String COLUMNS = "id, endpoint_id, message_id, event_name, status, created_at, "
			+ "next_attempt_at, delivered_at, replay_of";

	/**
	 * The advisory lock that claims take one after another (any constant, unique in
	 * LeadRelay).
	 */
	private static final long CLAIM_LOCK = 0x5745_4248_4F4F_4B53L;

	private final JdbcClient jdbc;

	private final Secrets secrets;

	DeliveryRepository(JdbcClient jdbc, Secrets secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	/** Schedules an event for an endpoint now, unless it already was. */
	void schedule(UUID endpointId, UUID messageId, WebhookEvent event, String payload, Instant now) {
		this.jdbc
			.sql("insert into webhook_delivery (id, endpoint_id, message_id, event_name, payload, status, "
					+ "next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'PENDING', ?, ?) "
					+ "on conflict (endpoint_id, message_id) where replay_of is null do nothing")
			.params(Ids.newId(now), endpointId, messageId, event.eventName(), payload, SqlValues.timestamp(now),
					SqlValues.timestamp(now))
			.update();
	}

	/**
	 * Schedules deliveries now in one statement, each unless its message already was for
	 * its endpoint.
	 */
	void scheduleAll(List<ScheduledDelivery> deliveries, Instant now) {
		if (deliveries.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into webhook_delivery (id, endpoint_id, message_id, event_name, payload, status, next_attempt_at,
				  created_at)
				select d.id, d.endpoint_id, d.message_id, d.event_name, d.payload, 'PENDING', ?, ?
				from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[])
				  as d(id, endpoint_id, message_id, event_name, payload)
				on conflict (endpoint_id, message_id) where replay_of is null do nothing""")
			.params(SqlValues.timestamp(now), SqlValues.timestamp(now),
					SqlValues.uuidArray(deliveries.stream().map(ScheduledDelivery::id).toList()),
					SqlValues.uuidArray(deliveries.stream().map(ScheduledDelivery::endpointId).toList()),
					SqlValues.uuidArray(deliveries.stream().map(ScheduledDelivery::messageId).toList()),
					deliveries.stream().map(delivery -> delivery.event().eventName()).toArray(String[]::new),
					deliveries.stream().map(ScheduledDelivery::payload).toArray(String[]::new))
			.update();
	}

	/** A delivery to schedule: a message for an endpoint. */
	record ScheduledDelivery(UUID id, UUID endpointId, UUID messageId, WebhookEvent event, String payload) {
	}

	/** Sends an earlier delivery's message again, as a new delivery due now. */
	UUID replay(UUID endpointId, UUID deliveryId, Instant now) {
		UUID id = Ids.newId(now);
		this.jdbc
			.sql("insert into webhook_delivery (id, endpoint_id, message_id, event_name, payload, status, "
					+ "next_attempt_at, replay_of, created_at) select ?, endpoint_id, message_id, event_name, payload, "
					+ "'PENDING', ?, id, ? from webhook_delivery where endpoint_id = ? and id = ?")
			.params(id, SqlValues.timestamp(now), SqlValues.timestamp(now), endpointId, deliveryId)
			.update();
		return id;
	}

	/** The endpoint's newest deliveries first, each with its attempts. */
	List<WebhookDelivery> latest(UUID endpointId, int limit) {
		return withAttempts(this.jdbc
			.sql("select " + COLUMNS + " from webhook_delivery where endpoint_id = ? "
					+ "order by created_at desc, id desc limit ?")
			.params(endpointId, limit)
			.query(DeliveryRepository::delivery)
			.list());
	}

	Optional<WebhookDelivery> find(UUID endpointId, UUID deliveryId) {
		return withAttempts(
				this.jdbc.sql("select " + COLUMNS + " from webhook_delivery where endpoint_id = ? and id = ?")
					.params(endpointId, deliveryId)
					.query(DeliveryRepository::delivery)
					.list())
			.stream()
			.findFirst();
	}

	/** The first delivery of a message (not a replay) to the endpoint. */
	Optional<WebhookDelivery> findMessage(UUID endpointId, UUID messageId) {
		return withAttempts(this.jdbc
			.sql("select " + COLUMNS + " from webhook_delivery where endpoint_id = ? and message_id = ? "
					+ "and replay_of is null")
			.params(endpointId, messageId)
			.query(DeliveryRepository::delivery)
			.list()).stream().findFirst();
	}

	/**
	 * Claims due deliveries fairly, by moving their next attempt to {@code leaseUntil}
	 * and marking them claimed until then: should this node die mid-attempt, they come
	 * due again then. Claims take turns: every organization's first delivery before any
	 * one's second, and within an organization its endpoints in turn, oldest first;
	 * deliveries already claimed (on any node) count against {@code perEndpoint} and
	 * {@code perOrganization}. Must run in a transaction: claims of all nodes take a lock
	 * one after another, so each sees what the others claimed.
	 */
	List<DueDelivery> claimDue(Instant now, int limit, Instant leaseUntil, int perEndpoint, int perOrganization) {
		this.jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(CLAIM_LOCK).query(Integer.class).single();
		return this.jdbc.sql("""
				with busy as (
				    select claimed.endpoint_id, endpoint.organization_id
				    from webhook_delivery claimed join webhook_endpoint endpoint on endpoint.id = claimed.endpoint_id
				    where claimed.status = 'PENDING' and claimed.claimed_until > :now),
				ranked as (
				    select due.id, endpoint.organization_id, due.next_attempt_at,
				        row_number() over (partition by endpoint.id order by due.next_attempt_at, due.id)
				            + (select count(*) from busy where busy.endpoint_id = endpoint.id) as endpoint_slot
				    from webhook_endpoint endpoint
				    cross join lateral (
				        select d.id, d.next_attempt_at from webhook_delivery d
				        where d.endpoint_id = endpoint.id and d.status = 'PENDING' and d.next_attempt_at <= :now
				        order by d.next_attempt_at, d.id limit :perEndpoint) due
				    where endpoint.disabled_at is null),
				fair as (
				    select ranked.id, ranked.next_attempt_at,
				        row_number() over (partition by ranked.organization_id
				            order by ranked.endpoint_slot, ranked.next_attempt_at, ranked.id)
				            + (select count(*) from busy where busy.organization_id = ranked.organization_id)
				            as organization_slot
				    from ranked where ranked.endpoint_slot <= :perEndpoint)
				update webhook_delivery d set next_attempt_at = :leaseUntil, claimed_until = :leaseUntil
				from webhook_endpoint e
				where e.id = d.endpoint_id and d.id in (
				    select fair.id from fair where fair.organization_slot <= :perOrganization
				    order by fair.organization_slot, fair.next_attempt_at, fair.id limit :limit)
				returning d.id, d.endpoint_id, d.message_id, d.payload, d.attempts, e.url, e.secret,
				    e.previous_secret, e.previous_secret_expires_at""")
			.param("now", SqlValues.timestamp(now))
			.param("leaseUntil", SqlValues.timestamp(leaseUntil))
			.param("perEndpoint", perEndpoint)
			.param("perOrganization", perOrganization)
			.param("limit", limit)
			.query((rs, row) -> new DueDelivery(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
					rs.getString("url"), rs.getObject("message_id", UUID.class), rs.getString("payload"),
					rs.getInt("attempts"), secrets(rs, now)))
			.list();
	}

	/**
	 * Logs an attempt and moves the delivery on: delivered, failed for good, or due again
	 * at {@code nextAttemptAt}. Does nothing if another node recorded this attempt first.
	 */
	void recordAttempt(DueDelivery delivery, Instant attemptedAt, @Nullable Integer statusCode, @Nullable String error,
			long durationMillis, Status status, @Nullable Instant nextAttemptAt) {
		int attempt = delivery.attempts() + 1;
		int logged = this.jdbc
			.sql("insert into webhook_attempt (delivery_id, attempt, attempted_at, status_code, error, duration_ms) "
					+ "values (?, ?, ?, ?, ?, ?) on conflict do nothing")
			.params(delivery.id(), attempt, SqlValues.timestamp(attemptedAt), statusCode, error, durationMillis)
			.update();
		if (logged == 0) {
			return;
		}
		this.jdbc
			.sql("update webhook_delivery set attempts = ?, status = ?, next_attempt_at = ?, delivered_at = ?, "
					+ "claimed_until = null where id = ?")
			.params(attempt, status.name(), SqlValues.timestamp(nextAttemptAt),
					SqlValues.timestamp(status == Status.DELIVERED ? attemptedAt : null), delivery.id())
			.update();
	}

	/** Gives up every pending delivery of an endpoint (it was disabled). */
	void failPending(UUID endpointId) {
		this.jdbc
			.sql("update webhook_delivery set status = 'FAILED', next_attempt_at = null "
					+ "where endpoint_id = ? and status = 'PENDING'")
			.param(endpointId)
			.update();
	}

	/** Forgets finished deliveries created before the given time. */
	int purgeFinishedBefore(Instant before) {
		return this.jdbc.sql("delete from webhook_delivery where status <> 'PENDING' and created_at < ?")
			.param(SqlValues.timestamp(before))
			.update();
	}

	private List<WebhookDelivery> withAttempts(List<WebhookDelivery> deliveries) {
		if (deliveries.isEmpty()) {
			return deliveries;
		}
		Map<UUID, List<Attempt>> attempts = this.jdbc
			.sql("select delivery_id, attempt, attempted_at, status_code, error, duration_ms from webhook_attempt "
					+ "where delivery_id = any(?::uuid[]) order by delivery_id, attempt")
			.param(SqlValues.uuidArray(deliveries.stream().map(WebhookDelivery::id).toList()))
			.query((rs, row) -> Map.entry(rs.getObject("delivery_id", UUID.class),
					new Attempt(rs.getInt("attempt"), SqlValues.instant(rs, "attempted_at"),
							rs.getObject("status_code", Integer.class), rs.getString("error"),
							rs.getLong("duration_ms"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return deliveries.stream()
			.map(delivery -> new WebhookDelivery(delivery.id(), delivery.endpointId(), delivery.messageId(),
					delivery.eventName(), delivery.status(), delivery.createdAt(), delivery.nextAttemptAt(),
					delivery.deliveredAt(), delivery.replayOf(), attempts.getOrDefault(delivery.id(), List.of())))
			.toList();
	}

	private List<WebhookSecret> secrets(ResultSet rs, Instant now) throws SQLException {
		String context = SealedColumn.context(EndpointRepository.TABLE, rs.getObject("endpoint_id", UUID.class));
		List<WebhookSecret> secrets = new ArrayList<>();
		secrets.add(new WebhookSecret(this.secrets.open(rs.getString("secret"), context)));
		Instant previousUntil = SqlValues.instant(rs, "previous_secret_expires_at");
		if (rs.getString("previous_secret") != null && previousUntil != null && now.isBefore(previousUntil)) {
			secrets.add(new WebhookSecret(this.secrets.open(rs.getString("previous_secret"), context)));
		}
		return secrets;
	}

	private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
		return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
				rs.getObject("message_id", UUID.class), rs.getString("event_name"),
				Status.valueOf(rs.getString("status")), SqlValues.instant(rs, "created_at"),
				SqlValues.instant(rs, "next_attempt_at"), SqlValues.instant(rs, "delivered_at"),
				rs.getObject("replay_of", UUID.class), List.of());
	}

}
