package org.leadrelay.platform.jobs;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires {@link ClusteredJobs} around every {@link ClusteredJob} method, with its locks in
 * the {@code job_lock} table (V95) timed by the database's clock, so that nodes whose
 * clocks differ still agree on when a lock ends.
 */
@Configuration(proxyBeanMethods = false)
class ClusteredJobConfiguration {

	@Bean
	LockProvider jobLocks(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("job_lock")
			.usingDbTime()
			.build());
	}

	@Bean
	ClusteredJobs clusteredJobs(LockProvider jobLocks, MeterRegistry meters) {
		return new ClusteredJobs(jobLocks, meters);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ClusteredJobPostProcessor clusteredJobPostProcessor() {
		return new ClusteredJobPostProcessor();
	}

	/**
	 * Proxies the beans that declare jobs, before the scheduling post-processor registers
	 * their methods, so that the scheduler calls through the proxy.
	 */
	static final class ClusteredJobPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

		ClusteredJobPostProcessor() {
			setProxyTargetClass(true);
			setBeforeExistingAdvisors(true);
			setOrder(Ordered.LOWEST_PRECEDENCE - 1);
		}

		@Override
		public void setBeanFactory(BeanFactory beanFactory) {
			super.setBeanFactory(beanFactory);
			this.advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, ClusteredJob.class, true),
					new ClusteredJobInterceptor(beanFactory.getBeanProvider(ClusteredJobs.class)));
		}

	}

}
