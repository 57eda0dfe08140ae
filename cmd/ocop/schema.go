package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/ocop-vn/ocop/generator/schema"
	"github.com/ocop-vn/ocop/generator/site"
)

const schemaUsage = "ocop schema [-s DIR] [-o DIR] [--check]"

// runSchema writes the JSON Schemas of the site's files, made from the
// loader's structs and the site's criteria sets, for editors; with --check
// it only reports whether the written ones are up to date.
func runSchema(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var out string
	var check bool
	flags := newFlagSet("schema", schemaUsage, stderr)
	flags.StringVar(&sf.dir, "s", ".", "the site folder (holding site.yaml); its content/rubrics add groups and forms")
	flags.StringVar(&sf.lang, "lang", "", "language of messages: vi or en (default: the site's language)")
	flags.StringVar(&out, "o", "", "the folder to write into (default: schemas/ in the site folder)")
	flags.BoolVar(&check, "check", false, "write nothing; exit 1 when a schema in the folder is missing or out of date")
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	if out == "" {
		out = filepath.Join(sf.dir, "schemas")
	}
	siteFS, err := site.SiteFS(sf.dir)
	if err != nil {
		fmt.Fprintln(stderr, "ocop schema:", err)
		return 2
	}
	files, err := schema.Generate(schema.LoadData(siteFS))
	if err != nil {
		fmt.Fprintln(stderr, "ocop schema:", err)
		return 2
	}
	lang := sf.language()
	if check {
		stale := 0
		for _, f := range files {
			p := filepath.Join(out, f.Name)
			old, err := os.ReadFile(p)
			if err != nil || !bytes.Equal(old, f.Data) {
				fmt.Fprintln(stderr, p+say(lang, ": missing or out of date", ": thiếu hoặc đã cũ"))
				stale++
			}
		}
		if stale > 0 {
			fmt.Fprintln(stderr, say(lang, "run `ocop schema` to write them", "chạy `ocop schema` để ghi lại"))
			return 1
		}
		fmt.Fprintln(stdout, say(lang, "schemas up to date in ", "schemas đã cập nhật trong ")+out)
		return 0
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		fmt.Fprintln(stderr, "ocop schema:", err)
		return 2
	}
	for _, f := range files {
		p := filepath.Join(out, f.Name)
		tmp := p + ".tmp"
		if err := os.WriteFile(tmp, f.Data, 0o644); err != nil {
			fmt.Fprintln(stderr, "ocop schema:", err)
			return 2
		}
		if err := os.Rename(tmp, p); err != nil {
			os.Remove(tmp)
			fmt.Fprintln(stderr, "ocop schema:", err)
			return 2
		}
		fmt.Fprintln(stdout, p)
	}
	fmt.Fprintf(stdout, say(lang, "%d schemas written; editors with the YAML extension read them from the first line of each new file\n",
		"Đã ghi %d schema; trình soạn thảo có phần mở rộng YAML đọc chúng qua dòng đầu của mỗi tệp mới\n"), len(files))
	return 0
}
