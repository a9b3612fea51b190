package org.leadrelay.marketplace;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.leadrelay.partner.ProfileId;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Marketplace inquiries, found by the hash of their private link's token, and the
 * attempts each client address made, for the rate limit.
 */
@Repository
class InquiryRepository {

	private final JdbcClient jdbc;

	InquiryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(String tokenHash, OrganizationId organizationId, ReferralId referralId, ProfileId profileId,
			String language, Instant now) {
		this.jdbc
			.sql("insert into marketplace_inquiry (token_hash, organization_id, referral_id, profile_id, language, "
					+ "created_at) values (?, ?, ?, ?, ?, ?)")
			.params(tokenHash, organizationId.value(), referralId.value(), profileId.value(), language,
					SqlValues.timestamp(now))
			.update();
	}

	/**
	 * The language the customer wrote each inquiry in; none for one from before it was
	 * kept.
	 */
	Map<ReferralId, String> findLanguages(List<ReferralId> referralIds) {
		Map<ReferralId, String> languages = new HashMap<>();
		this.jdbc
			.sql("select referral_id, language from marketplace_inquiry where referral_id = any(?::uuid[]) "
					+ "and language is not null")
			.param(SqlValues.uuidArray(referralIds.stream().map(ReferralId::value).toList()))
			.query((rs, row) -> languages.putIfAbsent(new ReferralId(rs.getObject("referral_id", UUID.class)),
					rs.getString("language")))
			.list();
		return languages;
	}

	Optional<StoredInquiry> findByTokenHash(String tokenHash) {
		return this.jdbc
			.sql("select organization_id, referral_id, profile_id from marketplace_inquiry where token_hash = ?")
			.param(tokenHash)
			.query((rs, row) -> new StoredInquiry(new OrganizationId(rs.getObject("organization_id", UUID.class)),
					new ReferralId(rs.getObject("referral_id", UUID.class)),
					new ProfileId(rs.getObject("profile_id", UUID.class))))
			.optional();
	}

	/**
	 * Makes the address's submissions take turns until the transaction ends, so that two
	 * at once cannot both take the last place.
	 */
	void lockAddress(String clientAddress) {
		this.jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param(clientAddress)
			.query(Integer.class)
			.single();
	}

	/** When the address attempted inquiries after {@code since}, oldest first. */
	List<Instant> findAttemptsSince(String clientAddress, Instant since) {
		return this.jdbc
			.sql("select attempted_at from marketplace_inquiry_attempt where client_address = ? and attempted_at > ? "
					+ "order by attempted_at")
			.params(clientAddress, SqlValues.timestamp(since))
			.query((rs, row) -> SqlValues.instant(rs, "attempted_at"))
			.list();
	}

	void addAttempt(String clientAddress, Instant now) {
		this.jdbc.sql("insert into marketplace_inquiry_attempt (client_address, attempted_at) values (?, ?)")
			.params(clientAddress, SqlValues.timestamp(now))
			.update();
	}

	void deleteAttemptsBefore(Instant before) {
		this.jdbc.sql("delete from marketplace_inquiry_attempt where attempted_at < ?")
			.param(SqlValues.timestamp(before))
			.update();
	}

	record StoredInquiry(OrganizationId organizationId, ReferralId referralId, ProfileId profileId) {
	}

}
