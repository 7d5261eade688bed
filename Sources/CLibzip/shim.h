#ifndef INNAXE_CLIBZIP_SHIM_H
#define INNAXE_CLIBZIP_SHIM_H
#include <zip.h>
#endif
