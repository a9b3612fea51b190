package org.leadrelay.insights;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The insights page's chart data is written as the page writes it (Thymeleaf's JavaScript
 * inlining in a JSON data block): a label cannot end the script element, and the page's
 * script reads back exactly what the server put in.
 */
class ChartDataInliningTests {

	static final String BLOCK = "<script type=\"application/json\" id=\"insights-data\" th:inline=\"javascript\">"
			+ "[[${chartData}]]</script>";

	@Test
	void labelsStayInsideTheDataBlockAndReadBackAsTheyWere() {
		Map<String, Object> data = Map.of("funnel",
				Map.of("labels", List.of("</script><script>alert('x')</script>", "Tom & Jerry's \"deal\"", "Árvíztűrő"),
						"data", List.of(3, 2, 1)));
		StringTemplateResolver resolver = new StringTemplateResolver();
		resolver.setTemplateMode(TemplateMode.HTML);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		Context context = new Context();
		context.setVariable("chartData", data);

		String html = engine.process(BLOCK, context);
		String json = html.substring(html.indexOf('>') + 1, html.lastIndexOf("</script>"));

		// nothing can end the element early (Thymeleaf leaves "<!--" as it is: see
		// InsightsCharts)
		assertThat(json).doesNotContain("</");
		assertThat(JsonMapper.builder().build().readValue(json, Map.class)).isEqualTo(data);
	}

}
