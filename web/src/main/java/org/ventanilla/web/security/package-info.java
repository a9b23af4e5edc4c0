/**
 * Sign-in around the container's own login: who is signed in, signing out, and slowing down
 * repeated failed attempts before they reach the realm.
 */
package org.ventanilla.web.security;
