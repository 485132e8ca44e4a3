# big shapes: many locals, names, constants and children; long jumps and line gaps
def many_locals(n):
    v0 = n + 0
    v1 = n + 1
    v2 = n + 2
    v3 = n + 3
    v4 = n + 4
    v5 = n + 5
    v6 = n + 6
    v7 = n + 7
    v8 = n + 8
    v9 = n + 9
    v10 = n + 10
    v11 = n + 11
    v12 = n + 12
    v13 = n + 13
    v14 = n + 14
    v15 = n + 15
    v16 = n + 16
    v17 = n + 17
    v18 = n + 18
    v19 = n + 19
    v20 = n + 20
    v21 = n + 21
    v22 = n + 22
    v23 = n + 23
    v24 = n + 24
    v25 = n + 25
    v26 = n + 26
    v27 = n + 27
    v28 = n + 28
    v29 = n + 29
    v30 = n + 30
    v31 = n + 31
    v32 = n + 32
    v33 = n + 33
    v34 = n + 34
    v35 = n + 35
    v36 = n + 36
    v37 = n + 37
    v38 = n + 38
    v39 = n + 39
    total = v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8 + v9 + v10 + v11 + v12 + v13 + v14 + v15 + v16 + v17 + v18 + v19 + v20 + v21 + v22 + v23 + v24 + v25 + v26 + v27 + v28 + v29 + v30 + v31 + v32 + v33 + v34 + v35 + v36 + v37 + v38 + v39
    if total > 1000:
        total += v0 * 0
        total += v1 * 1
        total += v2 * 2
        total += v3 * 3
        total += v4 * 4
        total += v5 * 5
        total += v6 * 6
        total += v7 * 7
        total += v8 * 8
        total += v9 * 9
        total += v10 * 10
        total += v11 * 11
        total += v12 * 12
        total += v13 * 13
        total += v14 * 14
        total += v15 * 15
        total += v16 * 16
        total += v17 * 17
        total += v18 * 18
        total += v19 * 19
        total += v20 * 20
        total += v21 * 21
        total += v22 * 22
        total += v23 * 23
        total += v24 * 24
        total += v25 * 25
        total += v26 * 26
        total += v27 * 27
        total += v28 * 28
        total += v29 * 29
        total += v30 * 30
        total += v31 * 31
        total += v32 * 32
        total += v33 * 33
        total += v34 * 34
        total += v35 * 35
        total += v36 * 36
        total += v37 * 37
        total += v38 * 38
        total += v39 * 39
        total += v0 * 40
        total += v1 * 41
        total += v2 * 42
        total += v3 * 43
        total += v4 * 44
        total += v5 * 45
        total += v6 * 46
        total += v7 * 47
        total += v8 * 48
        total += v9 * 49
        total += v10 * 50
        total += v11 * 51
        total += v12 * 52
        total += v13 * 53
        total += v14 * 54
        total += v15 * 55
        total += v16 * 56
        total += v17 * 57
        total += v18 * 58
        total += v19 * 59
        total += v20 * 60
        total += v21 * 61
        total += v22 * 62
        total += v23 * 63
        total += v24 * 64
        total += v25 * 65
        total += v26 * 66
        total += v27 * 67
        total += v28 * 68
        total += v29 * 69
    else:
        total = -total
    while n > 0:
        n -= 1; total ^= 0
        n -= 1; total ^= 1000003
        n -= 1; total ^= 2000006
        n -= 1; total ^= 3000009
        n -= 1; total ^= 4000012
        n -= 1; total ^= 5000015
        n -= 1; total ^= 6000018
        n -= 1; total ^= 7000021
        n -= 1; total ^= 8000024
        n -= 1; total ^= 9000027
        n -= 1; total ^= 10000030
        n -= 1; total ^= 11000033
        n -= 1; total ^= 12000036
        n -= 1; total ^= 13000039
        n -= 1; total ^= 14000042
        n -= 1; total ^= 15000045
        n -= 1; total ^= 16000048
        n -= 1; total ^= 17000051
        n -= 1; total ^= 18000054
        n -= 1; total ^= 19000057
        n -= 1; total ^= 20000060
        n -= 1; total ^= 21000063
        n -= 1; total ^= 22000066
        n -= 1; total ^= 23000069
        n -= 1; total ^= 24000072
        n -= 1; total ^= 25000075
        n -= 1; total ^= 26000078
        n -= 1; total ^= 27000081
        n -= 1; total ^= 28000084
        n -= 1; total ^= 29000087
        n -= 1; total ^= 30000090
        n -= 1; total ^= 31000093
        n -= 1; total ^= 32000096
        n -= 1; total ^= 33000099
        n -= 1; total ^= 34000102
        n -= 1; total ^= 35000105
        n -= 1; total ^= 36000108
        n -= 1; total ^= 37000111
        n -= 1; total ^= 38000114
        n -= 1; total ^= 39000117
        n -= 1; total ^= 40000120
        n -= 1; total ^= 41000123
        n -= 1; total ^= 42000126
        n -= 1; total ^= 43000129
        n -= 1; total ^= 44000132
        n -= 1; total ^= 45000135
        n -= 1; total ^= 46000138
        n -= 1; total ^= 47000141
        n -= 1; total ^= 48000144
        n -= 1; total ^= 49000147
    return total
def fn_0(a=1.0, b='s0'): return a, b, name_0
def fn_1(a=1.1, b='s1'): return a, b, name_1
def fn_2(a=1.2, b='s2'): return a, b, name_2
def fn_3(a=1.3, b='s3'): return a, b, name_3
def fn_4(a=1.4, b='s4'): return a, b, name_4
def fn_5(a=1.5, b='s5'): return a, b, name_5
def fn_6(a=1.6, b='s6'): return a, b, name_6
def fn_7(a=1.7, b='s7'): return a, b, name_7
def fn_8(a=1.8, b='s8'): return a, b, name_8
def fn_9(a=1.9, b='s9'): return a, b, name_9
def fn_10(a=1.10, b='s10'): return a, b, name_10
def fn_11(a=1.11, b='s11'): return a, b, name_11
def fn_12(a=1.12, b='s12'): return a, b, name_12
def fn_13(a=1.13, b='s13'): return a, b, name_13
def fn_14(a=1.14, b='s14'): return a, b, name_14
def fn_15(a=1.15, b='s15'): return a, b, name_15
def fn_16(a=1.16, b='s16'): return a, b, name_16
def fn_17(a=1.17, b='s17'): return a, b, name_17
def fn_18(a=1.18, b='s18'): return a, b, name_18
def fn_19(a=1.19, b='s19'): return a, b, name_19
def fn_20(a=1.20, b='s20'): return a, b, name_20
def fn_21(a=1.21, b='s21'): return a, b, name_21
def fn_22(a=1.22, b='s22'): return a, b, name_22
def fn_23(a=1.23, b='s23'): return a, b, name_23
def fn_24(a=1.24, b='s24'): return a, b, name_24
def fn_25(a=1.25, b='s25'): return a, b, name_25
def fn_26(a=1.26, b='s26'): return a, b, name_26
def fn_27(a=1.27, b='s27'): return a, b, name_27
def fn_28(a=1.28, b='s28'): return a, b, name_28
def fn_29(a=1.29, b='s29'): return a, b, name_29
def fn_30(a=1.30, b='s30'): return a, b, name_30
def fn_31(a=1.31, b='s31'): return a, b, name_31
def fn_32(a=1.32, b='s32'): return a, b, name_32
def fn_33(a=1.33, b='s33'): return a, b, name_33
def fn_34(a=1.34, b='s34'): return a, b, name_34
def fn_35(a=1.35, b='s35'): return a, b, name_35
def fn_36(a=1.36, b='s36'): return a, b, name_36
def fn_37(a=1.37, b='s37'): return a, b, name_37
def fn_38(a=1.38, b='s38'): return a, b, name_38
def fn_39(a=1.39, b='s39'): return a, b, name_39
def fn_40(a=1.40, b='s40'): return a, b, name_40
def fn_41(a=1.41, b='s41'): return a, b, name_41
def fn_42(a=1.42, b='s42'): return a, b, name_42
def fn_43(a=1.43, b='s43'): return a, b, name_43
def fn_44(a=1.44, b='s44'): return a, b, name_44
def fn_45(a=1.45, b='s45'): return a, b, name_45
def fn_46(a=1.46, b='s46'): return a, b, name_46
def fn_47(a=1.47, b='s47'): return a, b, name_47
def fn_48(a=1.48, b='s48'): return a, b, name_48
def fn_49(a=1.49, b='s49'): return a, b, name_49
def fn_50(a=1.50, b='s50'): return a, b, name_50
def fn_51(a=1.51, b='s51'): return a, b, name_51
def fn_52(a=1.52, b='s52'): return a, b, name_52
def fn_53(a=1.53, b='s53'): return a, b, name_53
def fn_54(a=1.54, b='s54'): return a, b, name_54
def fn_55(a=1.55, b='s55'): return a, b, name_55
def fn_56(a=1.56, b='s56'): return a, b, name_56
def fn_57(a=1.57, b='s57'): return a, b, name_57
def fn_58(a=1.58, b='s58'): return a, b, name_58
def fn_59(a=1.59, b='s59'): return a, b, name_59
def fn_60(a=1.60, b='s60'): return a, b, name_60
def fn_61(a=1.61, b='s61'): return a, b, name_61
def fn_62(a=1.62, b='s62'): return a, b, name_62
def fn_63(a=1.63, b='s63'): return a, b, name_63
def fn_64(a=1.64, b='s64'): return a, b, name_64
def fn_65(a=1.65, b='s65'): return a, b, name_65
def fn_66(a=1.66, b='s66'): return a, b, name_66
def fn_67(a=1.67, b='s67'): return a, b, name_67
def fn_68(a=1.68, b='s68'): return a, b, name_68
def fn_69(a=1.69, b='s69'): return a, b, name_69
def fn_70(a=1.70, b='s70'): return a, b, name_70
def fn_71(a=1.71, b='s71'): return a, b, name_71
def fn_72(a=1.72, b='s72'): return a, b, name_72
def fn_73(a=1.73, b='s73'): return a, b, name_73
def fn_74(a=1.74, b='s74'): return a, b, name_74
def fn_75(a=1.75, b='s75'): return a, b, name_75
def fn_76(a=1.76, b='s76'): return a, b, name_76
def fn_77(a=1.77, b='s77'): return a, b, name_77
def fn_78(a=1.78, b='s78'): return a, b, name_78
def fn_79(a=1.79, b='s79'): return a, b, name_79
def fn_80(a=1.80, b='s80'): return a, b, name_80
def fn_81(a=1.81, b='s81'): return a, b, name_81
def fn_82(a=1.82, b='s82'): return a, b, name_82
def fn_83(a=1.83, b='s83'): return a, b, name_83
def fn_84(a=1.84, b='s84'): return a, b, name_84
def fn_85(a=1.85, b='s85'): return a, b, name_85
def fn_86(a=1.86, b='s86'): return a, b, name_86
def fn_87(a=1.87, b='s87'): return a, b, name_87
def fn_88(a=1.88, b='s88'): return a, b, name_88
def fn_89(a=1.89, b='s89'): return a, b, name_89
def fn_90(a=1.90, b='s90'): return a, b, name_90
def fn_91(a=1.91, b='s91'): return a, b, name_91
def fn_92(a=1.92, b='s92'): return a, b, name_92
def fn_93(a=1.93, b='s93'): return a, b, name_93
def fn_94(a=1.94, b='s94'): return a, b, name_94
def fn_95(a=1.95, b='s95'): return a, b, name_95
def fn_96(a=1.96, b='s96'): return a, b, name_96
def fn_97(a=1.97, b='s97'): return a, b, name_97
def fn_98(a=1.98, b='s98'): return a, b, name_98
def fn_99(a=1.99, b='s99'): return a, b, name_99
def fn_100(a=1.100, b='s100'): return a, b, name_100
def fn_101(a=1.101, b='s101'): return a, b, name_101
def fn_102(a=1.102, b='s102'): return a, b, name_102
def fn_103(a=1.103, b='s103'): return a, b, name_103
def fn_104(a=1.104, b='s104'): return a, b, name_104
def fn_105(a=1.105, b='s105'): return a, b, name_105
def fn_106(a=1.106, b='s106'): return a, b, name_106
def fn_107(a=1.107, b='s107'): return a, b, name_107
def fn_108(a=1.108, b='s108'): return a, b, name_108
def fn_109(a=1.109, b='s109'): return a, b, name_109
def fn_110(a=1.110, b='s110'): return a, b, name_110
def fn_111(a=1.111, b='s111'): return a, b, name_111
def fn_112(a=1.112, b='s112'): return a, b, name_112
def fn_113(a=1.113, b='s113'): return a, b, name_113
def fn_114(a=1.114, b='s114'): return a, b, name_114
def fn_115(a=1.115, b='s115'): return a, b, name_115
def fn_116(a=1.116, b='s116'): return a, b, name_116
def fn_117(a=1.117, b='s117'): return a, b, name_117
def fn_118(a=1.118, b='s118'): return a, b, name_118
def fn_119(a=1.119, b='s119'): return a, b, name_119
def fn_120(a=1.120, b='s120'): return a, b, name_120
def fn_121(a=1.121, b='s121'): return a, b, name_121
def fn_122(a=1.122, b='s122'): return a, b, name_122
def fn_123(a=1.123, b='s123'): return a, b, name_123
def fn_124(a=1.124, b='s124'): return a, b, name_124
def fn_125(a=1.125, b='s125'): return a, b, name_125
def fn_126(a=1.126, b='s126'): return a, b, name_126
def fn_127(a=1.127, b='s127'): return a, b, name_127
def fn_128(a=1.128, b='s128'): return a, b, name_128
def fn_129(a=1.129, b='s129'): return a, b, name_129
def fn_130(a=1.130, b='s130'): return a, b, name_130
def fn_131(a=1.131, b='s131'): return a, b, name_131
def fn_132(a=1.132, b='s132'): return a, b, name_132
def fn_133(a=1.133, b='s133'): return a, b, name_133
def fn_134(a=1.134, b='s134'): return a, b, name_134
def fn_135(a=1.135, b='s135'): return a, b, name_135
def fn_136(a=1.136, b='s136'): return a, b, name_136
def fn_137(a=1.137, b='s137'): return a, b, name_137
def fn_138(a=1.138, b='s138'): return a, b, name_138
def fn_139(a=1.139, b='s139'): return a, b, name_139
def fn_140(a=1.140, b='s140'): return a, b, name_140
def fn_141(a=1.141, b='s141'): return a, b, name_141
def fn_142(a=1.142, b='s142'): return a, b, name_142
def fn_143(a=1.143, b='s143'): return a, b, name_143
def fn_144(a=1.144, b='s144'): return a, b, name_144
def fn_145(a=1.145, b='s145'): return a, b, name_145
def fn_146(a=1.146, b='s146'): return a, b, name_146
def fn_147(a=1.147, b='s147'): return a, b, name_147
def fn_148(a=1.148, b='s148'): return a, b, name_148
def fn_149(a=1.149, b='s149'): return a, b, name_149
name_0 = 1
print(many_locals(5), fn_0())












































































































































































































































































































print('after a gap', (1, 2.5, 'x', -3, 10**20))
