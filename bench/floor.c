/*
 * floor.c - the fastest possible libzip + libxml2 read of an XLSX sheet.
 *
 * It inflates the sheet part with zip_fread in 64 KiB chunks and feeds it to
 * the libxml2 SAX2 push parser, whose only callback counts <c> and <row>
 * elements. It decodes no value, resolves no shared string, keeps nothing:
 * a reader built on libzip + libxml2 cannot go faster than this, so innaxe's
 * XLSX time is judged as a ratio to it.
 *
 * The first sheet is hard-coded as xl/worksheets/sheet1.xml (what Excel and
 * the benchmark generator write); a real reader resolves it through
 * xl/workbook.xml and xl/_rels/workbook.xml.rels, which costs microseconds.
 *
 *   gcc -O2 floor.c -o floor $(pkg-config --cflags --libs libzip libxml-2.0)
 *   ./floor FILE.xlsx        ->  cells: N rows: M
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <libxml/parser.h>

#define SHEET_PART "xl/worksheets/sheet1.xml"
#define CHUNK (64 * 1024)

typedef struct {
    unsigned long long cells;
    unsigned long long rows;
} Counts;

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                     int nb_attributes, int nb_defaulted, const xmlChar **attributes) {
    (void)prefix; (void)uri; (void)nb_namespaces; (void)namespaces;
    (void)nb_attributes; (void)nb_defaulted; (void)attributes;
    Counts *counts = ctx;
    if (localname[0] == 'c' && localname[1] == '\0')
        counts->cells++;
    else if (localname[0] == 'r' && strcmp((const char *)localname, "row") == 0)
        counts->rows++;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.xlsx\n", argv[0]);
        return 2;
    }
    int err = 0;
    zip_t *archive = zip_open(argv[1], ZIP_RDONLY, &err);
    if (!archive) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        fprintf(stderr, "floor: cannot open %s: %s\n", argv[1], zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return 1;
    }
    zip_file_t *part = zip_fopen(archive, SHEET_PART, 0);
    if (!part) {
        fprintf(stderr, "floor: %s: %s\n", SHEET_PART, zip_strerror(archive));
        zip_close(archive);
        return 1;
    }

    static char buf[CHUNK];
    zip_int64_t n = zip_fread(part, buf, sizeof buf);
    if (n < 0) {
        fprintf(stderr, "floor: read error: %s\n", zip_file_strerror(part));
        return 1;
    }

    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    Counts counts = {0, 0};
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, &counts, buf, (int)n, SHEET_PART);
    if (!ctxt) {
        fprintf(stderr, "floor: cannot create the XML parser\n");
        return 1;
    }
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_HUGE);

    int status = 0;
    while ((n = zip_fread(part, buf, sizeof buf)) > 0) {
        if (xmlParseChunk(ctxt, buf, (int)n, 0) != 0) {
            status = 1;
            break;
        }
    }
    if (n < 0) {
        fprintf(stderr, "floor: read error: %s\n", zip_file_strerror(part));
        status = 1;
    }
    if (status == 0 && xmlParseChunk(ctxt, NULL, 0, 1) != 0)
        status = 1;
    if (status != 0 || !ctxt->wellFormed) {
        fprintf(stderr, "floor: %s is not well-formed XML\n", SHEET_PART);
        status = 1;
    }

    xmlFreeParserCtxt(ctxt);
    xmlCleanupParser();
    zip_fclose(part);
    zip_close(archive);
    if (status == 0)
        printf("cells: %llu rows: %llu\n", counts.cells, counts.rows);
    return status;
}
