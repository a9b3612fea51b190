package org.leadrelay.referral.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.Location;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.EventRecorder;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A chunk of an import sends its valid leads together, and its rows end as they would
 * lead by lead: a row the domain refuses fails alone, a key imported before or by another
 * import meanwhile is skipped, and only the leads that stand are announced.
 */
@IntegrationTest
class LeadImportChunkIntegrationTests {

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralSearch search;

	@Autowired
	LeadImports imports;

	@Autowired
	LeadImportWorker worker;

	@Autowired
	EventRecorder events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	TransactionTemplate transactions;

	@Autowired
	void transactions(PlatformTransactionManager manager) {
		this.transactions = new TransactionTemplate(manager);
	}

	Program program;

	Caller seller;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		TestUser user = this.users.create(this.program.vendor(), "Sara Seller", Role.VENDOR_SELLER);
		this.seller = new Caller(Caller.Kind.USER, user.principalId(), user.name(), this.program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_SELLER));
	}

	@Test
	void aChunksValidLeadsAreInsertedByOneStatementAndTheOtherRowsEndAsBefore() {
		this.worker.work(importChecked(header() + row("K-0", this.program.budapest())));
		String file = header() + row("K-0", this.program.budapest()) + row("K-1", this.program.budapest())
				+ row("K-2", this.programs.create().budapest()) + row("K-3", this.program.vienna())
				+ row("K-4", this.program.budapest()) + row("K-5", this.program.vienna());
		UUID id = importChecked(file);

		this.worker.work(id);

		ImportProgress progress = this.imports.find(this.seller, id).orElseThrow();
		assertThat(List.of(progress.created(), progress.skipped(), progress.failed())).containsExactly(4, 1, 1);
		assertThat(progress.failures()).singleElement()
			.satisfies(failure -> assertThat(failure.row()).isEqualTo(4))
			.satisfies(
					failure -> assertThat(failure.message()).startsWith("location: Not a location of your partners"));
		List<ReferralId> created = createdBy(id);
		assertThat(created).hasSize(4);
		// one multi-row insert (reWriteBatchedInserts) writes its rows with one command
		// id;
		// lead by lead, each insert had its own
		assertThat(this.jdbc.sql("""
				select count(distinct (r.xmin::text, r.cmin::text)) from referral r
				join lead_import_row i on i.referral_id = r.id where i.import_id = ?""")
			.param(id)
			.query(Long.class)
			.single()).as("statements that inserted the chunk's leads").isOne();
		assertThat(this.events.of(ReferralReceived.class, created)).hasSize(4);
		assertThat(this.events.batchesOf(created)).isOne();
	}

	@Test
	void aKeyAnotherImportTakesMeanwhileIsSkippedAndTheChunksOtherRowsEndAsBefore() throws Exception {
		String file = header() + row("M-1", this.program.budapest()) + row("M-2", this.program.vienna())
				+ row("M-3", this.programs.create().budapest()) + row("M-4", this.program.vienna());
		UUID id = importChecked(file);
		UUID otherLead = UUID.randomUUID();

		try (Connection other = this.dataSource.getConnection()) {
			// another import holds M-2 while this one sends its chunk, then commits
			other.setAutoCommit(false);
			try (PreparedStatement insert = other.prepareStatement(
					"insert into lead_import_key (vendor_organization_id, row_key, referral_id) values (?, ?, ?)")) {
				insert.setObject(1, this.program.vendor().id().value());
				insert.setString(2, "M-2");
				insert.setObject(3, otherLead);
				insert.executeUpdate();
			}
			CompletableFuture<Void> working = CompletableFuture.runAsync(() -> this.worker.work(id));
			await().atMost(Duration.ofSeconds(30)).until(this::keyInsertWaits);
			other.commit();
			working.get(30, TimeUnit.SECONDS);
		}

		ImportProgress progress = this.imports.find(this.seller, id).orElseThrow();
		assertThat(List.of(progress.created(), progress.skipped(), progress.failed())).containsExactly(2, 1, 1);
		assertThat(progress.failures()).singleElement()
			.satisfies(failure -> assertThat(failure.row()).isEqualTo(4))
			.satisfies(
					failure -> assertThat(failure.message()).startsWith("location: Not a location of your partners"));
		assertThat(keyOf("M-2")).isEqualTo(otherLead);
		List<ReferralId> created = createdBy(id);
		assertThat(created).extracting(ReferralId::value).containsExactlyInAnyOrder(keyOf("M-1"), keyOf("M-4"));
		assertThat(this.search.count(this.seller, null)).isEqualTo(2);
		assertThat(this.events.of(ReferralReceived.class, created)).hasSize(2);
		assertThat(this.events.batchesOf(created)).isOne();
	}

	/**
	 * Uploads the file and marks it checked without a check, as if its rows had changed
	 * since: a check would refuse a location that is not the program's.
	 */
	private UUID importChecked(String file) {
		return this.transactions.execute(status -> {
			UUID stored = this.imports
				.upload(this.seller, "chunk.csv", file.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH)
				.id();
			this.jdbc.sql("update lead_import set checked_rows = total_rows, checked_at = created_at where id = ?")
				.param(stored)
				.update();
			return stored;
		});
	}

	/** Whether an insert of import keys waits for another transaction's lock. */
	private boolean keyInsertWaits() {
		return this.jdbc.sql("""
				select exists (select 1 from pg_stat_activity where wait_event_type = 'Lock'
				  and query like '%insert into lead_import_key%')""").query(Boolean.class).single();
	}

	private List<ReferralId> createdBy(UUID importId) {
		return this.jdbc
			.sql("select referral_id from lead_import_row where import_id = ? and outcome = 'CREATED' "
					+ "order by row_number")
			.param(importId)
			.query((rs, row) -> new ReferralId(rs.getObject("referral_id", UUID.class)))
			.list();
	}

	private UUID keyOf(String rowKey) {
		return this.jdbc.sql("select referral_id from lead_import_key where vendor_organization_id = ? and row_key = ?")
			.params(this.program.vendor().id().value(), rowKey)
			.query(UUID.class)
			.single();
	}

	private static String header() {
		return "rowKey,location,qualification,customerName,country,notes,value,currency,consentToContact\r\n";
	}

	private static String row(String key, Location location) {
		return key + "," + location.id() + ",SalesQualified,Customer " + key + ",HU,Needs an ERP,25000.00,EUR,true\r\n";
	}

}
