// Passwords (and the words inside them) that attackers try first. The
// full list of leaked passwords is millions long; these are the ones
// long enough to pass the length rule, plus the common words that people
// pad with digits and symbols to reach it ("Password2024!"). Lower case.
const WORDS = `
password passw0rd passwords pass letmein welcome welcomeback admin administrator root login
qwerty qwertyuiop qwertyuiopas asdfgh asdfghjkl zxcvbnm qazwsx qazwsxedc wsxedc
iloveyou loveyou lovely love sunshine princess dragon monkey football baseball soccer
liverpool arsenal chelsea manchester united shadow master superman batman michael jennifer
jordan hunter ranger buster tigger charlie daniel thomas george jessica ashley summer winter
autumn spring secret changeme default guest user test testing hello hellothere whatever
trustno freedom computer internet starwars pokemon minecraft cheese chocolate cookie
abc abcd abcdef abcdefg abcdefgh abcdefghijkl council social socialwork socialworker
care carer children child hearme hear survey portal england london middlesbrough
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
`;

const FULL = `
123456789012 1234567890123 12345678901234 123456123456 111111111111 000000000000
123123123123 121212121212 987654321098 098765432109 qwertyuiop12 qwerty123456
password1234 password123456 passwordpassword iloveyou1234 iloveyouiloveyou
1q2w3e4r5t6y 1qaz2wsx3edc qazwsxedcrfv zaq12wsxcde3 1234qwerasdf qwerasdfzxcv
abcdefghijkl abc123abc123 aaaaaaaaaaaa letmeinletmein welcome12345 administrator1
changemenow1 trustno1trustno1 football1234 monkey123456 dragon123456 sunshine1234
princess1234 baseball1234 superman1234 batman123456 starwars1234 pokemon12345
correcthorsebatterystaple correct horse battery staple
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `${WORDS}\n${FULL}`.split(/\s+/).filter(Boolean),
);
