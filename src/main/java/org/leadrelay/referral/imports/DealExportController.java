package org.leadrelay.referral.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.DealStage;
import org.leadrelay.referral.DealType;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.Substatus;
import org.leadrelay.referral.web.LeadListParams;
import org.leadrelay.shared.Caller;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The co-sell deals list as a CSV file: what the list shows of each deal, for reading in
 * a spreadsheet (deals are not imported).
 */
@Controller
class DealExportController {

	private static final List<String> HEADER = List.of("id", "engagementId", "origin", "dealType", "status",
			"salesStage", "probability", "dealName", "customerName", "country", "value", "currency", "closeDate",
			"createdAt", "expiresAt");

	private final CsvExport export;

	DealExportController(CsvExport export) {
		this.export = export;
	}

	@GetMapping("/deals/export.csv")
	void export(Caller caller, @RequestParam(required = false) @Nullable String tab,
			@RequestParam(required = false) @Nullable String stage, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String sort, HttpServletResponse response) throws IOException {
		this.export.write(caller, LeadListParams.ofDeals(tab, stage, q, sort, null), "deals", HEADER,
				referrals -> referrals.stream().map(DealExportController::cells).toList(), response);
	}

	private static List<String> cells(Referral deal) {
		DealStage stage = deal.stage();
		DealType type = deal.engagement().dealType();
		Money value = deal.dealValue();
		List<String> cells = new ArrayList<>();
		cells.add(deal.id().toString());
		cells.add(deal.engagementId().toString());
		cells.add(deal.engagement().origin().name());
		cells.add(LeadCsv.text(type));
		cells.add(deal.substatus().name());
		cells.add(LeadCsv.text(stage));
		cells.add(stage == null ? "" : String.valueOf(stage.percent()));
		cells.add(LeadCsv.text(deal.name()));
		cells.add(deal.customer().name());
		cells.add(LeadCsv.text(deal.customer().address().country()));
		cells.add(value == null ? "" : value.amount().toPlainString());
		cells.add(value == null ? "" : value.currency().getCurrencyCode());
		cells.add(LeadCsv.text(deal.closingAt()));
		cells.add(deal.createdAt().toString());
		// only an invitation awaiting its answer expires
		cells.add(deal.substatus() == Substatus.Received ? deal.expiresAt().toString() : "");
		return cells;
	}

}
