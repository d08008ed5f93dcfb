/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.backendreview.checks.api.ApiChecks;
import org.backendreview.checks.asynchronous.AsynchronousChecks;
import org.backendreview.checks.configuration.ConfigurationChecks;
import org.backendreview.checks.hygiene.HygieneChecks;
import org.backendreview.checks.migrations.MigrationsChecks;
import org.backendreview.checks.orm.OrmChecks;
import org.backendreview.checks.outbound.OutboundChecks;
import org.backendreview.checks.security.SecurityChecks;
import org.backendreview.checks.sqlalchemy.SqlAlchemyChecks;
import org.backendreview.checks.transactions.TransactionsChecks;
import org.backendreview.semantics.project.CodeScope;

/**
 * The rule families, declared once: each is one package of {@code checks/}, one prefix of the rules'
 * {@code ruleSpecification} (the feature-matrix row, e.g. {@code SEC-01}) and one display name. The plugin's rule list,
 * the standalone scanner's catalogue and reports, and the generated rule docs all read this declaration.
 */
public enum RuleFamily {

  SECURITY("security", "SEC", "Security (OWASP)", SecurityChecks.CHECKS, CodeScope.ALL_CODE),
  ORM("orm", "ORM", "Django ORM & performance", OrmChecks.CHECKS, CodeScope.PRODUCT),
  CONFIGURATION("configuration", "CFG", "Settings & deployment", ConfigurationChecks.CHECKS, CodeScope.PRODUCT),
  MIGRATIONS("migrations", "MIG", "Migrations", MigrationsChecks.CHECKS, CodeScope.PRODUCT),
  API("api", "API", "API design", ApiChecks.CHECKS, CodeScope.PRODUCT),
  ASYNCHRONOUS("asynchronous", "ASY", "Async correctness", AsynchronousChecks.CHECKS, CodeScope.PRODUCT),
  SQLALCHEMY("sqlalchemy", "SQA", "SQLAlchemy", SqlAlchemyChecks.CHECKS, CodeScope.PRODUCT),
  OUTBOUND("outbound", "NET", "HTTP clients & reliability", OutboundChecks.CHECKS, CodeScope.PRODUCT),
  TRANSACTIONS("transactions", "TXN", "Transactions & consistency", TransactionsChecks.CHECKS, CodeScope.PRODUCT),
  HYGIENE("hygiene", "PY", "Python hygiene", HygieneChecks.CHECKS, CodeScope.PRODUCT);

  private final String packageName;
  private final String specificationPrefix;
  private final String displayName;
  private final List<Class<?>> checks;
  private final CodeScope codeScope;

  RuleFamily(String packageName, String specificationPrefix, String displayName, List<Class<?>> checks, CodeScope codeScope) {
    this.packageName = RuleFamily.class.getPackageName() + "." + packageName;
    this.specificationPrefix = specificationPrefix;
    this.displayName = displayName;
    this.checks = checks;
    this.codeScope = codeScope;
  }

  /**
   * Where the family's rules report, unless a rule says otherwise ({@link ReportsIn}): security rules about request
   * handling everywhere a request may reach ({@link CodeScope#ALL_CODE}), the others in the product only.
   */
  public CodeScope codeScope() {
    return codeScope;
  }

  /** The prefix of the feature-matrix rows of the family's rules ({@code SEC} for {@code SEC-01}). */
  public String specificationPrefix() {
    return specificationPrefix;
  }

  /** The family's name as users read it in reports and docs. */
  public String displayName() {
    return displayName;
  }

  /** The check classes of the family, in the order the family declares them. */
  public List<Class<?>> checks() {
    return checks;
  }

  /** The family of a check class: the one whose package holds it. */
  public static RuleFamily of(Class<?> checkClass) {
    return find(checkClass).orElseThrow(() -> new IllegalArgumentException(checkClass.getName() + " is in no rule family's package"));
  }

  /** The family of a check class, or empty for a class outside the families' packages (a test's check). */
  public static Optional<RuleFamily> find(Class<?> checkClass) {
    return Arrays.stream(values()).filter(f -> f.packageName.equals(checkClass.getPackageName())).findFirst();
  }
}
