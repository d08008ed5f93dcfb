#!/usr/bin/env python3
"""Findings of the built-in profile per 10 kLOC, per project, from `backend-review scan --all --format json` reports.

  density.py RESULTS_DIR [--projects FILE] [--min-lines N]

RESULTS_DIR holds one report per project (<project>.json). Only the rules of Backend_Review_way_profile.json are counted
(the reports may hold every rule: a rule's findings do not depend on which other rules run). Lines are the report's own
count (summary.lines: the analysed files' lines). --projects restricts the table to the projects listed in FILE (one
name per line, first word), e.g. the Django/FastAPI packages of the corpus. Prints a Markdown table.
"""
import argparse, collections, glob, json, os

PROFILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'sonar-backend-review-plugin', 'src', 'main',
                       'resources', 'org', 'backendreview', 'rules', 'backendreview', 'Backend_Review_way_profile.json')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('results')
    parser.add_argument('--projects')
    parser.add_argument('--min-lines', type=int, default=0)
    args = parser.parse_args()
    with open(PROFILE, encoding='utf-8') as f:
        profile = set(json.load(f)['ruleKeys'])
    wanted = None
    if args.projects:
        with open(args.projects, encoding='utf-8') as f:
            wanted = {line.split()[0] for line in f if line.strip()}
    rows = []
    for report in sorted(glob.glob(os.path.join(args.results, '*.json'))):
        project = os.path.basename(report)[:-5]
        if wanted is not None and project not in wanted:
            continue
        with open(report, encoding='utf-8') as f:
            data = json.load(f)
        lines = data.get('summary', {}).get('lines', 0)
        if lines < args.min_lines or lines == 0:
            continue
        rules = collections.Counter(k for k in (x['rule'].split(':')[-1] for x in data.get('findings', [])) if k in profile)
        rows.append((project, lines, sum(rules.values()), rules))
    print('| project | lines | findings | per 10 kLOC | rules (findings) |')
    print('|---|---:|---:|---:|---|')
    total_lines = total = 0
    for project, lines, n, rules in sorted(rows, key=lambda r: -r[1]):
        total_lines += lines
        total += n
        top = ', '.join(f'{r} {c}' for r, c in rules.most_common(4)) + (', ...' if len(rules) > 4 else '')
        print(f'| {project} | {lines} | {n} | {10000 * n / lines:.1f} | {top} |')
    if total_lines:
        print(f'| **all {len(rows)}** | {total_lines} | {total} | {10000 * total / total_lines:.1f} | |')


if __name__ == '__main__':
    main()
