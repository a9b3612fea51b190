package org.leadrelay.referral.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Location;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.TimelineEntry;

/**
 * Everything the lead page shows, and which of the seed's actions it offers: Accept and
 * Decline while Received, Edit, Add team member, Mark won and Mark lost while Accepted,
 * none once archived. Only the receiving partner acts; the vendor reads.
 *
 * @param location where the lead was sent
 * @param partnerName the partner organization that received it
 * @param timeLeft for a lead awaiting a response, the time left to respond; null
 * otherwise
 * @param windowOver Received, but the response window is over: the expiry sweep archives
 * it soon
 * @param contactUrgent the customer asked to be contacted, recently enough to be urgent
 * @param partner whether the viewer is the receiving partner
 */
record LeadPage(Referral referral, boolean favorite, @Nullable Location location, String partnerName,
		@Nullable TimeLeft timeLeft, boolean windowOver, boolean contactUrgent, boolean partner,
		List<TimelineRow> timeline) {

	/** Time is left to respond only while the referral awaits a response. */
	public boolean canRespond() {
		return this.partner && this.timeLeft != null;
	}

	public boolean canWork() {
		return this.partner && this.referral.isWorkable();
	}

	/** One timeline entry, with its changes keyed for translation. */
	record TimelineRow(Instant occurredAt, String actorName, boolean byCustomer, String source, String action,
			List<Change> changes) {

		static TimelineRow of(TimelineEntry entry) {
			boolean byCustomer = "customer".equals(entry.actorId());
			// entries from before V103 carry an English label of their own
			String name = byCustomer ? entry.actorName().replaceFirst(" \\(customer\\)$", "") : entry.actorName();
			return new TimelineRow(entry.occurredAt(), name, byCustomer, entry.source().name(), entry.action(),
					entry.changes()
						.entrySet()
						.stream()
						.sorted(java.util.Map.Entry.comparingByKey())
						.map(change -> new Change(change.getKey().replaceAll("/\\d+$", ""), change.getValue().from(),
								change.getValue().to()))
						.toList());
		}

	}

	/**
	 * @param field the API name of the changed field, without list positions
	 * ({@code customerProfile/team})
	 */
	record Change(String field, @Nullable String from, @Nullable String to) {

		public boolean isStage() {
			return "substatus".equals(this.field);
		}

	}

}
