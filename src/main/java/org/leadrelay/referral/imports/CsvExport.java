package org.leadrelay.referral.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVPrinter;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralPage;
import org.leadrelay.referral.ReferralQuery;
import org.leadrelay.referral.ReferralQuery.Cursor;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.ViewedReferral;
import org.leadrelay.referral.web.LeadListParams;
import org.leadrelay.shared.Caller;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Writes a workspace list (leads, co-sell deals) as a CSV file ({@link LeadCsv}): every
 * referral of the list's current tab, stage, search and sort that the caller sees there,
 * not just one page. It is streamed page by page (keyset paging), so a large export never
 * sits in memory whole.
 */
@Component
class CsvExport {

	static final int PAGE_SIZE = 500;

	private final ReferralSearch search;

	private final Clock clock;

	CsvExport(ReferralSearch search, Clock clock) {
		this.search = search;
		this.clock = clock;
	}

	/**
	 * @param name the file's name before its tab and date ({@code leads})
	 * @param rows each page's referrals as rows of cells, not yet neutralised
	 */
	void write(Caller caller, LeadListParams params, String name, List<String> header,
			Function<List<Referral>, List<List<String>>> rows, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(name + "-" + params.tab().param() + "-"
							+ LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC) + ".csv")
					.build()
					.toString());
		Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		writer.write(LeadCsv.BYTE_ORDER_MARK);
		try (CSVPrinter csv = new CSVPrinter(writer, LeadCsv.FORMAT)) {
			csv.printRecord(header);
			Cursor after = null;
			do {
				ReferralPage page = this.search.list(caller, new ReferralQuery(params.filter(params.tab()),
						params.sort().sort(), PAGE_SIZE, 0, after, false));
				for (List<String> cells : rows.apply(page.items().stream().map(ViewedReferral::referral).toList())) {
					csv.printRecord(cells.stream().map(LeadCsv::neutralised).toList());
				}
				after = page.next();
			}
			while (after != null);
		}
	}

}
