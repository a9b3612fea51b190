package org.leadrelay.referral.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralPage;
import org.leadrelay.referral.ReferralQuery;
import org.leadrelay.referral.ReferralQuery.Cursor;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.ViewedReferral;
import org.leadrelay.referral.web.LeadListParams;
import org.leadrelay.referral.web.NewLeadForm;
import org.leadrelay.shared.Caller;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The leads list as a CSV file ({@link LeadCsv}): every lead of the list's current tab,
 * stage, search and sort that the caller sees there, not just one page. It is streamed
 * page by page (keyset paging), so a large export never sits in memory whole.
 */
@Controller
class LeadExportController {

	static final int PAGE_SIZE = 500;

	private final ReferralSearch search;

	private final LeadImports imports;

	private final Clock clock;

	LeadExportController(ReferralSearch search, LeadImports imports, Clock clock) {
		this.search = search;
		this.imports = imports;
		this.clock = clock;
	}

	@GetMapping("/leads/export.csv")
	void export(Caller caller, @RequestParam(required = false) @Nullable String tab,
			@RequestParam(required = false) @Nullable String stage, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String sort, HttpServletResponse response) throws IOException {
		LeadListParams params = LeadListParams.of(tab, stage, q, sort, null);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("leads-" + params.tab().param() + "-"
							+ LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC) + ".csv")
					.build()
					.toString());
		Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		writer.write(LeadCsv.BYTE_ORDER_MARK);
		try (CSVPrinter csv = new CSVPrinter(writer, LeadCsv.FORMAT)) {
			csv.printRecord(header());
			Cursor after = null;
			do {
				ReferralPage page = this.search.list(caller, new ReferralQuery(params.filter(params.tab()),
						params.sort().sort(), PAGE_SIZE, 0, after, false));
				List<Referral> referrals = page.items().stream().map(ViewedReferral::referral).toList();
				Map<ReferralId, String> rowKeys = this.imports.rowKeys(referrals);
				for (Referral referral : referrals) {
					csv.printRecord(cells(referral, rowKeys.get(referral.id())));
				}
				after = page.next();
			}
			while (after != null);
		}
	}

	private static List<String> header() {
		return Stream
			.of(Stream.of(LeadCsv.ROW_KEY), LeadCsv.EXPORT_ONLY.stream(),
					LeadCsv.LEAD_COLUMNS.stream().map(LeadCsv.Column::name))
			.flatMap(names -> names)
			.toList();
	}

	/**
	 * A lead's cells, neutralised. A lead that did not come from an import has its id as
	 * its row key: importing it elsewhere (or again) creates it once.
	 */
	private static List<String> cells(Referral referral, @Nullable String rowKey) {
		NewLeadForm form = NewLeadForm.of(referral);
		List<String> cells = new ArrayList<>();
		cells.add(rowKey == null ? referral.id().toString() : rowKey);
		cells.add(referral.id().toString());
		cells.add(referral.substatus().name());
		cells.add(referral.createdAt().toString());
		cells.add(referral.expiresAt().toString());
		LeadCsv.LEAD_COLUMNS.forEach(column -> cells.add(LeadCsv.text(column.value().apply(form))));
		return cells.stream().map(LeadCsv::neutralised).toList();
	}

}
