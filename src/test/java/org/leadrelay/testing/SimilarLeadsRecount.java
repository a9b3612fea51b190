package org.leadrelay.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.SimilarLeads;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How each partner of a program answered the leads sharing a tag with a new one, counted
 * straight from the referrals: what the similar leads' roll-up must agree with.
 */
@Component
public class SimilarLeadsRecount {

	private final JdbcClient jdbc;

	SimilarLeadsRecount(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<OrganizationId, SimilarLeads> of(OrganizationId vendor, Collection<String> tags, Instant since) {
		return this.jdbc
			.sql("""
					select organization_id, count(*) filter (where accepted_at is not null) as accepted,
					       count(*) filter (where substatus = 'Declined') as declined,
					       count(*) filter (where substatus = 'Won') as won
					from referral
					where vendor_organization_id = ? and created_at >= ? and origin = 'Lead'
					  and (coalesce(requirements -> 'industries', '[]'::jsonb) || coalesce(requirements -> 'products', '[]'::jsonb)
					       || coalesce(requirements -> 'services', '[]'::jsonb)) ??| ?
					group by organization_id""")
			.params(vendor.value(), SqlValues.timestamp(since), tags.toArray(String[]::new))
			.query((rs, row) -> new SimilarLeads(new OrganizationId(rs.getObject("organization_id", UUID.class)),
					rs.getInt("accepted"), rs.getInt("declined"), rs.getInt("won")))
			.list()
			.stream()
			.collect(Collectors.toMap(SimilarLeads::organizationId, Function.identity()));
	}

}
