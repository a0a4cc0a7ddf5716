/** The console: server-rendered pages in Spanish and English. */
@org.springframework.modulith.ApplicationModule(displayName = "Web console")
package org.custodia.web;
