/**
 * The people who answer: agents, their roles and availability, and the credentials the Elytron
 * jdbc-realm checks at login. Identities from other realms (filesystem, LDAP) get an agent record
 * on first sign-in.
 */
package org.ventanilla.agent;
