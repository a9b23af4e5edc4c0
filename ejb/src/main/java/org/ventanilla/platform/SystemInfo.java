package org.ventanilla.platform;

/** Facts about the running installation, for admins. */
public record SystemInfo(
    String appVersion,
    String jpaProvider,
    String jpaProviderVersion,
    String databaseProduct,
    String databaseVersion,
    String serverVersion,
    String javaVersion,
    String dataDirectory) {}
