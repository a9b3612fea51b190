package org.leadrelay.referral.web;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.ReferralPage;
import org.leadrelay.referral.ReferralProperties;
import org.leadrelay.referral.ReferralQuery;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.ViewedReferral;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationId;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the leads list and the co-sell deals list have in common: tab counts, one page of
 * results with its filters, and the rows each list shows. The heart of either list
 * relists through it.
 */
@Component
class WorkspaceLists {

	private final ReferralSearch search;

	private final Organizations organizations;

	private final ReferralProperties properties;

	private final Clock clock;

	WorkspaceLists(ReferralSearch search, Organizations organizations, ReferralProperties properties, Clock clock) {
		this.search = search;
		this.organizations = organizations;
		this.properties = properties;
		this.clock = clock;
	}

	<T extends Enum<T> & WorkspaceTab> Map<T, Long> counts(Caller caller, Class<T> tabs) {
		Map<T, Long> counts = new EnumMap<>(tabs);
		for (T each : tabs.getEnumConstants()) {
			counts.put(each, this.search.count(caller, each.filter()));
		}
		return counts;
	}

	/** The tab counts of the list the parameters name. */
	Map<? extends WorkspaceTab, Long> counts(Caller caller, LeadListParams params) {
		return isDeals(params) ? counts(caller, DealTab.class) : counts(caller, LeadTab.class);
	}

	/**
	 * Fills the model with one page of the list the parameters name.
	 * @return the list's view
	 */
	String fill(Caller caller, LeadListParams params, Map<? extends WorkspaceTab, Long> counts, Model model) {
		boolean deals = isDeals(params);
		ReferralPage result = this.search.list(caller, new ReferralQuery(params.filter(params.tab()),
				params.sort().sort(), LeadListParams.PAGE_SIZE, params.offset(), null, true));
		Instant now = this.clock.instant();
		long total = result.total() == null ? 0 : result.total();
		model.addAttribute("params", params);
		model.addAttribute("rows",
				deals ? dealRows(caller, result.items(), now)
						: result.items()
							.stream()
							.map(viewed -> LeadRow.of(viewed, now, this.properties.contactRequestUrgency()))
							.toList());
		model.addAttribute("total", total);
		model.addAttribute("pages", Math.max(1, (total + LeadListParams.PAGE_SIZE - 1) / LeadListParams.PAGE_SIZE));
		model.addAttribute("counts", counts);
		model.addAttribute("tabs", deals ? DealTab.values() : LeadTab.values());
		// vendor staff's tabs hold the partners' deals and the invitations to the vendor
		model.addAttribute("tabKey", !deals ? "leads.tab." : caller.isVendor() ? "deals.tab.vendor." : "deals.tab.");
		model.addAttribute("mainStages", LeadStage.MAIN);
		model.addAttribute("outcomes", LeadStage.OUTCOMES);
		model.addAttribute("sorts", LeadSort.values());
		return deals ? "deals/list" : "leads/list";
	}

	private List<DealRow> dealRows(Caller caller, List<ViewedReferral> items, Instant now) {
		Map<UUID, List<OrganizationId>> parties = this.search
			.parties(items.stream().map(viewed -> viewed.referral().engagementId()).toList());
		return items.stream()
			.map(viewed -> DealRow.of(viewed, now,
					DealRow
						.others(caller.organizationId(), viewed.referral(),
								parties.getOrDefault(viewed.referral().engagementId(), List.of()))
						.stream()
						.map(this.organizations::nameOf)
						.toList()))
			.toList();
	}

	private static boolean isDeals(LeadListParams params) {
		return LeadListParams.DEALS.equals(params.path());
	}

}
