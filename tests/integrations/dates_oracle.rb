# Jekyll's own reading of `date:` values (Document#merge_date!): the front matter as
# Jekyll loads it, the value turned into a string and read by Jekyll::Utils.parse_date
# (Ruby's Time.parse) in the zone ARGV[0]. Input: YAML documents separated by NUL.
# Output: one line each, "ok YYYY-MM-DD HH:MM:SS" (wall-clock time in that zone) or "error".
ENV["TZ"] = ARGV.fetch(0)
require "jekyll"

STDIN.read.split("\0").each do |text|
  data = defined?(SafeYAML) ? SafeYAML.load(text) : Jekyll::Utils.safe_load_yaml(text)
  begin
    moment = Jekyll::Utils.parse_date(data["date"].to_s)
    puts "ok #{moment.strftime('%Y-%m-%d %H:%M:%S')}"
  rescue Jekyll::Errors::InvalidDateError
    puts "error"
  end
end
