package org.leadrelay.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Stores every user's email address in the form of {@link EmailAddresses#normalize}, so
 * that sign-in compares the column itself (V86 makes it the unique key). A Java
 * migration, because PostgreSQL's {@code lower()} depends on the database's collation and
 * is not the same function.
 */
@Component
class V85__NormalisedEmails extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
		List<Object[]> changes = new ArrayList<>();
		jdbc.sql("select id, email from app_user").query((rs, row) -> {
			String email = rs.getString("email");
			String normalized = EmailAddresses.normalize(email);
			if (!normalized.equals(email)) {
				changes.add(new Object[] { normalized, rs.getObject("id", UUID.class) });
			}
			return row;
		}).list();
		for (Object[] change : changes) {
			jdbc.sql("update app_user set email = ? where id = ?").params(change).update();
		}
	}

}
