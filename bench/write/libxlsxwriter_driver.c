/* The libxlsxwriter side of the write benchmark (constant_memory mode): the same rows as
 * innaxe_writer.swift (see README), the same formats. Built by bench/write/run.py:
 *     gcc -O2 libxlsxwriter_driver.c -o libxlsxwriter-driver -lxlsxwriter -lm
 * Usage: libxlsxwriter-driver ROWS OUT */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <math.h>
#include <xlsxwriter.h>

static const char *regions[] = {"Catalunya", "Île-de-France", "Rhein-Neckar", "Hovedstaden", "София-град",
                                "Baden-Württemberg", "Øresund", "Occitanie"};
static const char *products[] = {"Diagnostic kit", "Réactif A&B", "Enzym <Typ 2>", "Антитела", "Sonde \"Q\"", "Vaccin",
                                 "Biopsie", "Pipette", "Assay", "Puffer", "Kulturmedium", "Scanner", "Implant"};
static const char *notes[] = {"", "urgent, fragile", "livraison partielle", "Nachlieferung folgt", "доставено"};
static const char *header[] = {"id", "reference", "region", "product", "quantity", "price", "amount",
                               "order_date", "delivery_date", "paid", "discount", "note"};

/* Howard Hinnant's civil_from_days, as CivilDateTime.civilFromDays. */
static void civil(long z, int *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: libxlsxwriter-driver ROWS OUT\n"); return 2; }
    long rows = atol(argv[1]);
    double t0 = now();
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *book = workbook_new_opt(argv[2], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(book, "Sales");
    lxw_format *bold = workbook_add_format(book); format_set_bold(bold);
    lxw_format *integer = workbook_add_format(book); format_set_num_format(integer, "#,##0");
    lxw_format *decimal = workbook_add_format(book); format_set_num_format(decimal, "#,##0.00");
    lxw_format *percent = workbook_add_format(book); format_set_num_format(percent, "0.0%");
    lxw_format *date = workbook_add_format(book); format_set_num_format(date, "yyyy-mm-dd");
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_autofilter(sheet, 0, 0, (lxw_row_t)rows, 11);
    for (int c = 0; c < 12; c++) worksheet_write_string(sheet, 0, c, header[c], bold);
    char ref[32];
    for (long i = 1; i <= rows; i++) {
        lxw_row_t r = (lxw_row_t)i;
        long quantity = (i * 7) % 100 + 1;
        double price = (double)((i * 37) % 10000) / 100 + 0.99;
        double amount = round((double)quantity * price * 100) / 100;
        long day = 18262 + i % 1500;
        int y, m, d;
        worksheet_write_number(sheet, r, 0, (double)i, NULL);
        snprintf(ref, sizeof ref, "REF-%ld", i);
        worksheet_write_string(sheet, r, 1, ref, NULL);
        worksheet_write_string(sheet, r, 2, regions[i % 8], NULL);
        worksheet_write_string(sheet, r, 3, products[i % 13], NULL);
        worksheet_write_number(sheet, r, 4, (double)quantity, integer);
        worksheet_write_number(sheet, r, 5, price, decimal);
        worksheet_write_number(sheet, r, 6, amount, decimal);
        civil(day, &y, &m, &d);
        lxw_datetime dt1 = {y, m, d, 0, 0, 0};
        worksheet_write_datetime(sheet, r, 7, &dt1, date);
        civil(day + i % 20, &y, &m, &d);
        lxw_datetime dt2 = {y, m, d, 0, 0, 0};
        worksheet_write_datetime(sheet, r, 8, &dt2, date);
        worksheet_write_boolean(sheet, r, 9, i % 3 == 0, NULL);
        worksheet_write_number(sheet, r, 10, (double)(i % 20) / 100, percent);
        const char *note = notes[i % 5];
        if (note[0]) worksheet_write_string(sheet, r, 11, note, NULL);
    }
    lxw_error err = workbook_close(book);
    if (err) { fprintf(stderr, "libxlsxwriter: %s\n", lxw_strerror(err)); return 1; }
    printf("rows: %ld\nwrite_s: %.6f\n", rows + 1, now() - t0);
    return 0;
}
