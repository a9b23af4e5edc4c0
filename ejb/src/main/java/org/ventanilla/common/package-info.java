/** What every capability shares: the domain's error types, paging and time helpers. */
package org.ventanilla.common;
