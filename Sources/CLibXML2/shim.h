#ifndef INNAXE_CLIBXML2_SHIM_H
#define INNAXE_CLIBXML2_SHIM_H
/* xmlversion.h first, then hide ICU: Debian's libxml2 pulls the system ICU headers into
   encoding.h, which clash with the ICU module Foundation carries on Linux. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>

/* xmlFree is a global function-pointer variable; Swift 6 refuses to touch it directly. */
static inline void innaxe_xmlFree(void *p) { xmlFree(p); }
#endif
