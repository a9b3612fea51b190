package org.leadrelay.referral.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.web.LeadRowBinder.Allowed;
import org.leadrelay.referral.web.LeadRowBinder.BoundRow;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Works off stored imports chunk by chunk, each chunk one transaction that holds the
 * import's row locked ({@code FOR UPDATE SKIP LOCKED}): any node may work on any import,
 * never two on the same chunk, and a crash loses only the chunk in flight, which the next
 * run repeats. Each row is sent through {@link ReferralManagement#send} as the uploader,
 * like a lead from the form (timeline, events, notifications), unless its key was
 * imported before; a row the domain refuses now (say, its location was removed since the
 * upload) fails alone, rolled back to its savepoint.
 */
@Component
class LeadImportWorker {

	static final int CHUNK_SIZE = 200;

	private static final Logger log = LoggerFactory.getLogger(LeadImportWorker.class);

	private static final TypeReference<Map<String, String>> CELLS = new TypeReference<>() {
	};

	private final ReferralManagement management;

	private final LeadRowBinder binder;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	private final TransactionTemplate chunks;

	private final TransactionTemplate rows;

	private final TaskExecutor executor;

	private final MessageSource messages;

	private final Clock clock;

	LeadImportWorker(ReferralManagement management, LeadRowBinder binder, JdbcClient jdbc, JdbcTemplate template,
			JsonMapper json, MessageSource messages, PlatformTransactionManager transactions,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock) {
		this.management = management;
		this.binder = binder;
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
		this.chunks = new TransactionTemplate(transactions);
		this.rows = new TransactionTemplate(transactions);
		this.rows.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.executor = executor;
		this.messages = messages;
		this.clock = clock;
	}

	/** Starts working off an import on this node, right after its upload. */
	void startInBackground(UUID id) {
		this.executor.execute(() -> work(id));
	}

	/**
	 * Picks up imports left unfinished, by a node that stopped or by a failure, on every
	 * node: the locks share out the chunks.
	 */
	@Scheduled(fixedDelayString = "${leadrelay.imports.poll-interval:PT1M}",
			initialDelayString = "${leadrelay.imports.poll-interval:PT1M}")
	@ClusteredJob(value = "lead-import-resume", runs = Runs.ON_EVERY_NODE)
	void resumeUnfinished() {
		this.jdbc.sql("select id from lead_import where finished_at is null order by created_at")
			.query(UUID.class)
			.list()
			.forEach(this::work);
	}

	/** Works off the import until it is finished or another node holds it. */
	void work(UUID id) {
		try {
			boolean more;
			do {
				more = Boolean.TRUE.equals(this.chunks.execute(status -> workChunk(id)));
			}
			while (more);
		}
		catch (RuntimeException ex) {
			log.error("Import {} stopped; it is resumed at the next poll", id, ex);
		}
	}

	/**
	 * @return whether rows may be left
	 */
	private boolean workChunk(UUID id) {
		Caller uploader = this.jdbc
			.sql("select vendor_organization_id, caller_kind, created_by, created_by_name, roles from lead_import "
					+ "where id = ? and finished_at is null for update skip locked")
			.param(id)
			.query(LeadImportWorker::uploader)
			.optional()
			.orElse(null);
		if (uploader == null) {
			return false;
		}
		List<PendingRow> pending = this.jdbc
			.sql("select row_number, row_key, cells from lead_import_row where import_id = ? and outcome is null "
					+ "order by row_number limit ?")
			.params(id, CHUNK_SIZE)
			.query((rs, row) -> new PendingRow(rs.getInt("row_number"), rs.getString("row_key"),
					this.json.readValue(rs.getString("cells"), CELLS)))
			.list();
		Set<String> imported = importedKeys(uploader.organizationId(), pending);
		Allowed allowed = this.binder.allowedFor(uploader);
		List<Outcome> outcomes = new ArrayList<>();
		for (PendingRow row : pending) {
			outcomes.add(imported.contains(row.key()) ? Outcome.skipped(row) : send(uploader, allowed, row));
		}
		record(id, outcomes);
		return pending.size() == CHUNK_SIZE;
	}

	private Outcome send(Caller caller, Allowed allowed, PendingRow row) {
		try {
			return Objects.requireNonNull(this.rows.execute(status -> {
				BoundRow bound = this.binder.bind(allowed, row.cells());
				if (bound.lead() == null) {
					return Outcome.failed(row, firstError(bound));
				}
				Referral referral = this.management.send(caller, bound.lead(), Source.UI);
				this.jdbc
					.sql("insert into lead_import_key (vendor_organization_id, row_key, referral_id) values (?, ?, ?)")
					.params(caller.organizationId().value(), row.key(), referral.id().value())
					.update();
				return new Outcome(row.number(), RowOutcome.CREATED, null, referral.id().value());
			}));
		}
		catch (DuplicateKeyException ex) {
			// another import of the same key came first: the savepoint undid this row
			return Outcome.skipped(row);
		}
		catch (DomainException ex) {
			return Outcome.failed(row, ex.getMessage());
		}
	}

	/**
	 * The first reason a row is refused, in English: the log of an import is not
	 * translated.
	 */
	private String firstError(BoundRow bound) {
		ObjectError error = bound.binding().getAllErrors().get(0);
		String message = this.messages.getMessage(error, Locale.ENGLISH);
		return error instanceof FieldError field ? field.getField() + ": " + message : message;
	}

	/**
	 * The keys of the chunk imported before, and those that are the id of one of the
	 * program's leads: an export gives a lead that came from no import its id as its key,
	 * so importing an export never creates its leads twice.
	 */
	private Set<String> importedKeys(OrganizationId vendor, List<PendingRow> pending) {
		String[] keys = pending.stream().map(PendingRow::key).toArray(String[]::new);
		Set<String> imported = new HashSet<>(this.jdbc
			.sql("select row_key from lead_import_key where vendor_organization_id = ? and row_key = any(?)")
			.params(vendor.value(), keys)
			.query(String.class)
			.list());
		List<UUID> ids = pending.stream().map(row -> asId(row.key())).flatMap(Optional::stream).toList();
		if (!ids.isEmpty()) {
			this.jdbc.sql("select id from referral where vendor_organization_id = ? and id = any(?::uuid[])")
				.params(vendor.value(), SqlValues.uuidArray(ids))
				.query(UUID.class)
				.list()
				.forEach(id -> imported.add(id.toString()));
		}
		return imported;
	}

	/** The key as a lead id, if it is one as the export writes it. */
	private static Optional<UUID> asId(String key) {
		try {
			UUID id = UUID.fromString(key);
			return id.toString().equals(key) ? Optional.of(id) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private void record(UUID id, List<Outcome> outcomes) {
		if (!outcomes.isEmpty()) {
			this.template.batchUpdate(
					"update lead_import_row set outcome = ?, message = ?, referral_id = ? where import_id = ? and row_number = ?",
					outcomes, outcomes.size(), (ps, outcome) -> {
						ps.setString(1, outcome.outcome().name());
						ps.setString(2, outcome.message());
						ps.setObject(3, outcome.referralId());
						ps.setObject(4, id);
						ps.setInt(5, outcome.row());
					});
		}
		Map<RowOutcome, Long> counts = outcomes.stream()
			.collect(Collectors.groupingBy(Outcome::outcome, Collectors.counting()));
		this.jdbc.sql("""
				update lead_import set created_count = created_count + ?, skipped_count = skipped_count + ?,
				  failed_count = failed_count + ?,
				  finished_at = case when exists (select 1 from lead_import_row r
				    where r.import_id = lead_import.id and r.outcome is null) then null else cast(? as timestamptz) end
				where id = ?""")
			.params(counts.getOrDefault(RowOutcome.CREATED, 0L), counts.getOrDefault(RowOutcome.SKIPPED, 0L),
					counts.getOrDefault(RowOutcome.FAILED, 0L), SqlValues.timestamp(this.clock.instant()), id)
			.update();
	}

	/** Who uploaded the import: its leads are sent as theirs. */
	private static Caller uploader(ResultSet rs, int row) throws SQLException {
		return new Caller(Caller.Kind.valueOf(rs.getString("caller_kind")), rs.getString("created_by"),
				rs.getString("created_by_name"), new OrganizationId(rs.getObject("vendor_organization_id", UUID.class)),
				OrganizationKind.VENDOR,
				Arrays.stream(rs.getString("roles").split(",")).map(Role::valueOf).collect(Collectors.toSet()));
	}

	private record PendingRow(int number, String key, Map<String, String> cells) {

	}

	private enum RowOutcome {

		CREATED, SKIPPED, FAILED

	}

	private record Outcome(int row, RowOutcome outcome, @Nullable String message, @Nullable UUID referralId) {

		static Outcome skipped(PendingRow row) {
			return new Outcome(row.number(), RowOutcome.SKIPPED, null, null);
		}

		static Outcome failed(PendingRow row, @Nullable String message) {
			return new Outcome(row.number(), RowOutcome.FAILED, message, null);
		}

	}

}
